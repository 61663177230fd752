using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TradeAlertBot.Benchmarks.Workload;
using TradeAlertBot.Commands.Shared;
using TradeAlertBot.Storage;
using TradeAlertBot.Storage.Entities;

namespace TradeAlertBot.Benchmarks.Backtest;

/// <summary>
/// The backtest target: <c>rule test QUERY</c> over 100,000 stored items (~1.5 KB each, spread over the last 30 days)
/// answers in under 2 s. Builds a temporary SQLite database through the real model and migrations, then times three
/// backtests of a realistic rule (each with a fresh context, as a command gets) and judges the median. Also checks
/// the counts against the trade stories it planted, so a fast but wrong backtest cannot pass.
/// </summary>
public static class BacktestBenchmark
{
    private const int Items = 100_000;
    private const int Runs = 3;
    private const double TargetMilliseconds = 2_000;
    private const string Query = "tariff* AND (steel OR aluminium)";

    // One item in five is a trade story; Matches says whether the rule above matches it. The synthetic vocabulary
    // (made-up syllable words) cannot form "tariff", "steel" or "aluminium", so only these can match.
    private static readonly (string Title, bool Matches)[] Trade =
    [
        ("{0} imposes {1}% tariffs on imported steel from {2}", true),
        ("{0} adds {1} companies from {2} to its Entity List", false),
        ("{0} extends tariff exclusions for {1} products from {2}", false),
        ("{0} raises aluminium tariff to {1}% for imports from {2}", true),
        ("{0} opens anti-dumping investigation into {2} steel, margin {1}%", false),
    ];

    private static readonly string[] Countries = ["China", "Vietnam", "Mexico", "Canada", "India", "Japan", "Brazil", "Turkey"];

    public static async Task<int> CheckAsync(TextWriter output)
    {
        var database = Path.Combine(Path.GetTempPath(), $"tab-backtest-{Guid.NewGuid():n}.db");
        var options = new DbContextOptionsBuilder<TradeAlertDbContext>().UseSqlite($"Data Source={database}").Options;
        try
        {
            var clock = Stopwatch.StartNew();
            var now = TimeProvider.System.GetUtcNow();
            var (expected7, expected30) = await BuildAsync(options, now);
            output.WriteLine($"backtest: built {Items:N0} items over 30 days in {clock.Elapsed.TotalSeconds:N1} s " +
                $"({new FileInfo(database).Length / (1024.0 * 1024):N0} MiB database)");

            // "Now" stays the build's: building takes longer than the 26 s between items, which would otherwise
            // move the oldest ones out of the window.
            var backtester = new Backtester(new FixedTime(now));
            var results = new List<BacktestResult>();
            for (var run = 0; run < Runs; run++)
            {
                await using var db = new TradeAlertDbContext(options);
                var result = await backtester.RunAsync(db, Query, CancellationToken.None);
                output.WriteLine($"backtest run {run + 1}: {result.Elapsed.TotalMilliseconds:N0} ms, scanned {result.Scanned:N0}, " +
                    $"matched {result.Matched7Days:N0} in 7 days / {result.Matched30Days:N0} in 30 days");
                results.Add(result);
            }

            var times = results.Select(r => r.Elapsed.TotalMilliseconds).Order().ToArray();
            var best = times[0];
            var median = times[times.Length / 2];
            output.WriteLine($"backtest: best {best:N0} ms, median {median:N0} ms of {Runs} runs; newest example: " +
                $"\"{results[0].Newest.FirstOrDefault()?.Title}\" [{string.Join(", ", results[0].Newest.FirstOrDefault()?.Terms ?? [])}]");

            var last = results[^1];
            var verdicts = new[]
            {
                (last.Scanned == Items && last.Matched30Days == expected30 && last.Matched7Days == expected7,
                    $"rule backtest finds every planted match ({last.Matched7Days:N0} of {expected7:N0} in 7 days, " +
                    $"{last.Matched30Days:N0} of {expected30:N0} in 30 days, {last.Scanned:N0} of {Items:N0} scanned)"),
                (median < TargetMilliseconds,
                    $"rule backtest over {Items:N0} items (30 days): {median:N0} ms (target < {TargetMilliseconds:N0} ms; median of {Runs}, best {best:N0} ms)"),
            };
            foreach (var (pass, text) in verdicts)
            {
                output.WriteLine((pass ? "PASS: " : "FAIL: ") + text);
            }

            return verdicts.All(v => v.Item1) ? 0 : 1;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var file in Directory.GetFiles(Path.GetTempPath(), Path.GetFileName(database) + "*"))
            {
                File.Delete(file);
            }
        }
    }

    // Items fetched evenly over the last 30 days (newest now, oldest just inside the window) from 50 feeds; returns
    // how many the rule should match in the last 7 and 30 days.
    private static async Task<(int Week, int Month)> BuildAsync(DbContextOptions<TradeAlertDbContext> options, DateTimeOffset now)
    {
        await using var db = new TradeAlertDbContext(options);
        await db.Database.MigrateAsync();
        db.ChangeTracker.AutoDetectChangesEnabled = false;

        var feeds = Enumerable.Range(0, 50)
            .Select(f => new Feed { Url = $"https://bench.example.com/feed/{f}.xml", CreatedAt = now.AddDays(-60), NextPollAt = now })
            .ToList();
        var story = new Story
        {
            Fingerprint = "bench", Title = "bench", Source = "bench.example.com", Summary = "bench", Categories = [],
            FirstSeenAt = now.AddDays(-30), LastSeenAt = now,
        };
        db.AddRange(feeds);
        db.Add(story);
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();

        var corpus = new SyntheticCorpus(vocabularySize: 20_000, seed: 11);
        var random = new Random(12);
        var step = TimeSpan.FromDays(30) / Items;
        var (week, month) = (0, 0);
        await using var transaction = await db.Database.BeginTransactionAsync();
        for (var chunk = 0; chunk < Items; chunk += 5_000)
        {
            for (var i = chunk; i < Math.Min(Items, chunk + 5_000); i++)
            {
                var (title, body) = corpus.NextItem(random, bodyChars: 1_500);
                var fetched = now - step * i;
                if (i % 5 == 0)
                {
                    var (template, matches) = Trade[i / 5 % Trade.Length];
                    title = string.Format(CultureInfo.InvariantCulture, template, Countries[i % Countries.Length], 10 + i % 90,
                        Countries[(i / 7) % Countries.Length]) + $" (notice {i})";
                    body = title + ". " + body;
                    if (matches)
                    {
                        month++;
                        week += now - fetched <= TimeSpan.FromDays(7) ? 1 : 0;
                    }
                }

                var feed = feeds[i % feeds.Count];
                db.Items.Add(new StoredItem
                {
                    FeedId = feed.Id, StoryId = story.Id, DedupeKey = $"item-{i}", ContentHash = $"hash-{i}",
                    Link = $"https://bench.example.com/item/{i}", Title = title, Body = body,
                    Published = fetched.AddMinutes(-30), FetchedAt = fetched,
                });
            }

            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }

        await transaction.CommitAsync();
        return (week, month);
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
