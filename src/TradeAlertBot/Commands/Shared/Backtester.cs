using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using TradeAlertBot.Core.Rules;
using TradeAlertBot.Storage;

namespace TradeAlertBot.Commands.Shared;

/// <summary>
/// Backtests a watch rule (<c>rule test QUERY</c>): runs it over the stored items fetched in the last 30 days and
/// counts what it would have matched. Windows are by <c>FetchedAt</c> (indexed, and set by us: a feed's
/// Published date can be missing or wrong). One reader streams the rows newest first in batches through a
/// bounded channel; one matcher per core tokenizes and matches them. A time budget stops the scan early: the
/// result then counts what was scanned and how many items the window holds, so the answer can say it is partial.
/// </summary>
public sealed class Backtester(TimeProvider time, int examples = 5)
{
    private const int BatchSize = 256;
    private static readonly TimeSpan Week = TimeSpan.FromDays(7);
    private static readonly TimeSpan Month = TimeSpan.FromDays(30);

    /// <summary>Parses <paramref name="query"/> and backtests it.</summary>
    /// <exception cref="RuleSyntaxException">The query is not a valid rule; its message says where and why.</exception>
    public Task<BacktestResult> RunAsync(TradeAlertDbContext db, string query, CancellationToken ct) =>
        RunAsync(db, Rule.Parse("backtest", query), Timeout.InfiniteTimeSpan, ct);

    /// <inheritdoc cref="RunAsync(TradeAlertDbContext, string, CancellationToken)"/>
    public Task<BacktestResult> RunAsync(TradeAlertDbContext db, string query, TimeSpan budget, CancellationToken ct) =>
        RunAsync(db, Rule.Parse("backtest", query), budget, ct);

    /// <param name="budget">How long the scan may run (<see cref="Timeout.InfiniteTimeSpan"/>: no limit).</param>
    public async Task<BacktestResult> RunAsync(TradeAlertDbContext db, Rule rule, TimeSpan budget, CancellationToken ct)
    {
        var started = time.GetTimestamp();
        var rules = RuleSet.Compile([rule]);
        var now = time.GetUtcNow();
        var weekStart = now - Week;
        var monthStart = now - Month;

        // Enough batches in flight to keep every matcher busy while the reader fills the next one, few enough that
        // a 30-day scan never holds more than a few MB of text.
        var workers = Math.Max(1, Environment.ProcessorCount);
        var channel = Channel.CreateBounded<Row[]>(new BoundedChannelOptions(workers * 2)
        {
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });

        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(ct);
        using var deadline = budget == Timeout.InfiniteTimeSpan ? new CancellationTokenSource() : new CancellationTokenSource(budget, time);
        using var reading = CancellationTokenSource.CreateLinkedTokenSource(cancel.Token, deadline.Token);
        var matchers = Enumerable.Range(0, workers)
            .Select(_ => Task.Run(async () =>
            {
                try
                {
                    return await MatchAsync(channel.Reader, rules, weekStart, deadline.Token, cancel.Token);
                }
                catch
                {
                    // Stop the reader, which may be waiting on a full channel nobody drains any more.
                    await cancel.CancelAsync();
                    throw;
                }
            }, cancel.Token))
            .ToArray();

        var stoppedEarly = false;
        try
        {
            await ReadAsync(db, monthStart, channel.Writer, reading.Token);
            channel.Writer.Complete();
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            // The budget ran out, or a matcher failed and cancelled the read (awaiting the matchers below then
            // rethrows its exception).
            stoppedEarly = deadline.IsCancellationRequested;
            channel.Writer.TryComplete();
        }
        catch (Exception e)
        {
            channel.Writer.TryComplete(e);
            await cancel.CancelAsync();
            // Let the matchers stop before `cancel` is disposed; the reader's exception is the one to report.
            await ((Task)Task.WhenAll(matchers)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            throw;
        }

        var tallies = await Task.WhenAll(matchers);
        var scanned = tallies.Sum(t => t.Scanned);
        int? outOf = stoppedEarly || tallies.Any(t => t.Skipped)
            ? await db.Items.AsNoTracking().CountAsync(i => i.FetchedAt >= monthStart, ct)
            : null;
        var newest = tallies.SelectMany(t => t.Newest)
            .OrderBy(m => m.Sequence)
            .Take(examples)
            .Select(m => m.Example)
            .ToList();
        var perDay = tallies.SelectMany(t => t.PerDay)
            .GroupBy(d => d.Key)
            .ToDictionary(g => g.Key, g => g.Sum(d => d.Value));
        return new BacktestResult(scanned, tallies.Sum(t => t.Week), tallies.Sum(t => t.Month), newest, perDay, time.GetElapsedTime(started), outOf);
    }

    private static async Task ReadAsync(TradeAlertDbContext db, DateTimeOffset since, ChannelWriter<Row[]> writer, CancellationToken ct)
    {
        // One streaming query over the FetchedAt index; each row is numbered in that order so the matchers,
        // which finish batches out of order, can still tell which matches are the newest.
        var rows = db.Items.AsNoTracking()
            .Where(i => i.FetchedAt >= since)
            .OrderByDescending(i => i.FetchedAt).ThenByDescending(i => i.Id)
            .Select(i => new { i.Id, i.Title, i.Body, i.Link, i.Published, i.FetchedAt })
            .AsAsyncEnumerable();

        var batch = new Row[BatchSize];
        var filled = 0;
        var sequence = 0;
        await foreach (var item in rows.WithCancellation(ct))
        {
            batch[filled++] = new Row(sequence++, item.Id, item.Title, item.Body, item.Link, item.Published, item.FetchedAt);
            if (filled == batch.Length)
            {
                await writer.WriteAsync(batch, ct);
                batch = new Row[BatchSize];
                filled = 0;
            }
        }

        if (filled > 0)
        {
            await writer.WriteAsync(batch[..filled], ct);
        }
    }

    // Past the deadline a matcher still drains the channel (so the reader never waits on it) but matches nothing more.
    private async Task<Tally> MatchAsync(
        ChannelReader<Row[]> reader, RuleSet rules, DateTimeOffset weekStart, CancellationToken deadline, CancellationToken ct)
    {
        var tally = new Tally();
        await foreach (var batch in reader.ReadAllAsync(ct))
        {
            foreach (var row in batch)
            {
                if (deadline.IsCancellationRequested)
                {
                    tally.Skipped = true;
                    break;
                }

                tally.Scanned++;
                // Most items share no word with the rule: skip them without tokenizing.
                if (!rules.MightMatch(row.Title, row.Body))
                {
                    continue;
                }

                var matches = rules.Match(Document.Create(row.Title, row.Body));
                if (matches.Count == 0)
                {
                    continue;
                }

                tally.Month++;
                var day = DateOnly.FromDateTime(row.FetchedAt.UtcDateTime);
                tally.PerDay[day] = tally.PerDay.GetValueOrDefault(day) + 1;
                if (row.FetchedAt >= weekStart)
                {
                    tally.Week++;
                }

                tally.Offer(row, matches[0], examples);
            }
        }

        return tally;
    }

    // A window of the body around its first hit (its start, if none), so an example can show the hit in context.
    private static (string Text, int Start) Excerpt(string body, TermHit? hit)
    {
        const int Before = 80;
        const int Length = 280;
        var start = hit is null ? 0 : Math.Max(0, hit.Start - Before);
        return (body.Substring(start, Math.Min(Length, body.Length - start)), start);
    }

    private sealed record Row(int Sequence, long Id, string Title, string Body, string? Link, DateTimeOffset? Published, DateTimeOffset FetchedAt);

    private sealed record Numbered(int Sequence, BacktestExample Example);

    // One matcher's counts and its newest matches (lowest sequence numbers), at most `examples` of them.
    private sealed class Tally
    {
        public int Scanned { get; set; }

        public bool Skipped { get; set; }

        public int Week { get; set; }

        public int Month { get; set; }

        public List<Numbered> Newest { get; } = [];

        public Dictionary<DateOnly, int> PerDay { get; } = [];

        public void Offer(Row row, RuleMatch match, int limit)
        {
            if (limit == 0 || (Newest.Count == limit && Newest[^1].Sequence < row.Sequence))
            {
                return;
            }

            var terms = match.Hits.Select(h => h.Term).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            var (excerpt, from) = Excerpt(row.Body, match.Hits.FirstOrDefault(h => h.Field == Field.Body));
            var example = new BacktestExample(row.Id, row.Title, row.Link, row.Published, row.FetchedAt, terms, match.Hits, excerpt, from);
            var at = Newest.FindIndex(n => n.Sequence > row.Sequence);
            Newest.Insert(at < 0 ? Newest.Count : at, new Numbered(row.Sequence, example));
            if (Newest.Count > limit)
            {
                Newest.RemoveAt(Newest.Count - 1);
            }
        }
    }
}
