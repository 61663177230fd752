using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using TradeAlertBot.Commands.Shared;
using TradeAlertBot.Core.Rules;
using TradeAlertBot.Storage;
using TradeAlertBot.Storage.Entities;

namespace TradeAlertBot.Tests.Commands.Shared;

public sealed class BacktesterTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 3, 20, 12, 0, 0, TimeSpan.Zero);
    private readonly string _database = Path.Combine(Path.GetTempPath(), $"tab-backtest-{Guid.NewGuid():n}.db");
    private readonly FakeTimeProvider _time = new(Now);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_database);
    }

    [Fact]
    public async Task Counts_matches_in_the_last_7_and_30_days_and_ignores_older_items()
    {
        await using var db = await DatabaseWithAsync(
            ("US raises tariffs on steel", 1),
            ("Tariff on aluminium imports doubled", 5),
            ("Steel tariffs widened to wire", 10),
            ("Weather in Lisbon: sunny", 2),
            ("Old steel tariff story", 31),
            ("Ancient aluminium tariffs", 90));

        var result = await new Backtester(_time).RunAsync(db, "tariff* AND (steel OR aluminium)", CancellationToken.None);

        Assert.Equal(4, result.Scanned);
        Assert.Equal(2, result.Matched7Days);
        Assert.Equal(3, result.Matched30Days);
    }

    [Fact]
    public async Task Lists_the_newest_matches_first_with_the_terms_that_matched()
    {
        await using var db = await DatabaseWithAsync(
            ("Steel tariffs widened to wire", 10),
            ("US raises tariffs on steel", 1),
            ("Weather in Lisbon: sunny", 0),
            ("Tariff on aluminium imports doubled", 5));

        var result = await new Backtester(_time, examples: 2).RunAsync(db, "tariff* AND (steel OR aluminium)", CancellationToken.None);

        Assert.Equal(["US raises tariffs on steel", "Tariff on aluminium imports doubled"], result.Newest.Select(e => e.Title));
        Assert.Equal(["steel", "tariffs"], result.Newest[0].Terms.Order(StringComparer.OrdinalIgnoreCase));
        Assert.Equal(Now.AddDays(-1), result.Newest[0].FetchedAt);
        Assert.Equal("https://example.com/1", result.Newest[0].Link);
    }

    [Fact]
    public async Task Counts_matches_per_day_and_keeps_each_examples_hits_and_body_excerpt()
    {
        await using var db = await DatabaseWithAsync(
            ("US raises tariffs on steel", 1),
            ("Steel tariffs widened to wire", 1),
            ("Tariff on aluminium imports doubled", 5),
            ("Weather in Lisbon: sunny", 2));

        var result = await new Backtester(_time).RunAsync(db, "tariff* AND (steel OR aluminium)", CancellationToken.None);

        var today = DateOnly.FromDateTime(Now.UtcDateTime);
        Assert.Equal(new Dictionary<DateOnly, int> { [today.AddDays(-1)] = 2, [today.AddDays(-5)] = 1 }, result.PerDay);
        var newest = result.Newest.Single(e => e.Title == "US raises tariffs on steel");
        Assert.Equal(["tariffs", "steel"], newest.Hits.Where(h => h.Field == Field.Title).Select(h => newest.Title[h.Start..h.End]));
        Assert.Equal(0, newest.ExcerptStart);
    }

    [Fact]
    public async Task Keeps_the_newest_examples_when_matches_span_many_batches()
    {
        var items = Enumerable.Range(0, 2_000).Select(i => ($"Steel tariff update {i}", i % 29)).ToArray();
        await using var db = await DatabaseWithAsync(items);

        var result = await new Backtester(_time).RunAsync(db, "tariff AND steel", CancellationToken.None);

        Assert.Equal(2_000, result.Matched30Days);
        Assert.Equal(items.Count(i => i.Item2 <= 7), result.Matched7Days);
        Assert.Equal(5, result.Newest.Count);
        Assert.All(result.Newest, e => Assert.Equal(Now, e.FetchedAt));
        Assert.Equal(result.Newest.OrderByDescending(e => e.ItemId).Select(e => e.ItemId), result.Newest.Select(e => e.ItemId));
    }

    [Fact]
    public async Task A_rule_with_a_syntax_error_raises_RuleSyntaxException_with_its_position()
    {
        await using var db = await DatabaseWithAsync(("US raises tariffs on steel", 1));

        var error = await Assert.ThrowsAsync<RuleSyntaxException>(
            () => new Backtester(_time).RunAsync(db, "tariff* AND (steel OR", CancellationToken.None));

        Assert.StartsWith("line 1, col ", error.Message);
        Assert.False(string.IsNullOrWhiteSpace(error.Reason));
    }

    [Fact]
    public async Task A_cancelled_backtest_stops_with_OperationCanceledException()
    {
        await using var db = await DatabaseWithAsync(Enumerable.Range(0, 1_000).Select(i => ($"Steel tariff {i}", i % 29)).ToArray());
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => new Backtester(_time).RunAsync(db, "tariff AND steel", cancelled.Token));
    }

    [Fact]
    public async Task A_backtest_out_of_time_stops_and_says_how_much_it_scanned_of_how_many()
    {
        await using var db = await DatabaseWithAsync(Enumerable.Range(0, 1_000).Select(i => ($"Steel tariff {i}", i % 29)).ToArray());

        var result = await new Backtester(_time).RunAsync(db, "tariff AND steel", TimeSpan.Zero, CancellationToken.None);

        Assert.False(result.Complete);
        Assert.Equal(1_000, result.OutOf);
        Assert.True(result.Scanned < 1_000, $"scanned {result.Scanned} of 1000 with no time at all");
        Assert.True(result.Matched30Days <= result.Scanned);
    }

    [Fact]
    public async Task A_backtest_within_its_budget_is_complete()
    {
        await using var db = await DatabaseWithAsync(("US raises tariffs on steel", 1), ("Weather in Lisbon: sunny", 2));

        var result = await new Backtester(_time).RunAsync(db, "tariff* AND steel", TimeSpan.FromMinutes(1), CancellationToken.None);

        Assert.True(result.Complete);
        Assert.Null(result.OutOf);
        Assert.Equal(2, result.Scanned);
        Assert.Equal(1, result.Matched30Days);
    }

    // Items are (title, age in days); item n gets link https://example.com/n, fetched `age` days before now.
    private async Task<TradeAlertDbContext> DatabaseWithAsync(params (string Title, int AgeDays)[] items)
    {
        var db = new TradeAlertDbContext(new DbContextOptionsBuilder<TradeAlertDbContext>().UseSqlite($"Data Source={_database}").Options);
        await db.Database.MigrateAsync();
        var feed = new Feed { Url = "https://example.com/feed.xml", CreatedAt = Now.AddDays(-100), NextPollAt = Now };
        var story = new Story
        {
            Fingerprint = "f", Title = "t", Source = "example.com", Summary = "s", Categories = [],
            FirstSeenAt = Now.AddDays(-100), LastSeenAt = Now,
        };
        db.AddRange(feed, story);
        await db.SaveChangesAsync();
        for (var n = 0; n < items.Length; n++)
        {
            var (title, age) = items[n];
            db.Items.Add(new StoredItem
            {
                FeedId = feed.Id, StoryId = story.Id, DedupeKey = $"item-{n}", ContentHash = $"hash-{n}",
                Link = $"https://example.com/{n}", Title = title, Body = "Reported today.",
                Published = Now.AddDays(-age).AddHours(-1), FetchedAt = Now.AddDays(-age),
            });
        }

        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        return db;
    }
}
