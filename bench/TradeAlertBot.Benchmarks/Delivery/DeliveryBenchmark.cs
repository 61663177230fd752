using System.Diagnostics;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TradeAlertBot.Deliveries;
using TradeAlertBot.Jobs;
using TradeAlertBot.Storage.Entities;

namespace TradeAlertBot.Benchmarks.Delivery;

/// <summary>
/// Delivery under load: many alerts to many Slack channels through the real outbox, against a fake Slack that enforces one post
/// per second per channel. Load: ITEMS stories × DESTINATIONS channels at once, until every delivery row is sent;
/// verified against what the fake accepted (nothing lost, nothing twice). Latency: a few channels, items arriving
/// one by one, from a feed being served to its alert being accepted.
/// </summary>
internal static class DeliveryBenchmark
{
    private const int ItemsPerFeed = 20;
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan HeldRelease = TimeSpan.FromSeconds(5);

    public static async Task<DeliveryLoadReport> RunLoadAsync(int items, int destinations, TextWriter output, string[] extraArgs)
    {
        var feeds = Math.Max(1, (items + ItemsPerFeed - 1) / ItemsPerFeed);
        // Storm summaries wait for the end of Delivery:StormWindow (5 min by default); a short window keeps runs short.
        string[] defaults = extraArgs.Any(a => a.StartsWith("--Delivery:StormWindow=", StringComparison.Ordinal)) ? [] : ["--Delivery:StormWindow=00:00:30"];
        await using var host = await DeliveryHost.StartAsync(DeliveryWorkload.BuildFeeds(items, feeds), destinations, [.. defaults, .. extraArgs]);
        var jobs = host.App.Services.GetRequiredService<IBackgroundJobClient>();
        output.WriteLine($"delivery load: {items:N0} items x {destinations:N0} slack channels ({feeds} feeds); {string.Join(' ', defaults.Concat(extraArgs))}");

        var start = Stopwatch.GetTimestamp();
        await host.AddFeedsAsync(Enumerable.Range(0, feeds));
        jobs.Enqueue<DispatchFeedsJob>(job => job.RunAsync(CancellationToken.None));
        var limit = TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(items * 1.2);
        var finished = await WaitAllSentAsync(host, jobs, feeds, start, limit, output);
        var seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        return await VerifyAsync(host, items, feeds, start, seconds, finished, output);
    }

    public static async Task<DeliveryLatencyReport> RunLatencyAsync(int items, int destinations, TimeSpan spacing, TextWriter output, string[] extraArgs)
    {
        // The storm gate would hold alerts past the 10th per window; this run measures alerts nothing holds.
        string[] defaults = extraArgs.Any(a => a.StartsWith("--Delivery:StormThreshold=", StringComparison.Ordinal)) ? [] : ["--Delivery:StormThreshold=100000"];
        await using var host = await DeliveryHost.StartAsync(DeliveryWorkload.BuildFeeds(items, items), destinations, [.. defaults, .. extraArgs]);
        var jobs = host.App.Services.GetRequiredService<IBackgroundJobClient>();
        output.WriteLine($"delivery latency: {items} items, one every {spacing.TotalSeconds:0.0#} s, x {destinations} slack channels; {string.Join(' ', defaults.Concat(extraArgs))}");

        var start = Stopwatch.GetTimestamp();
        for (var k = 0; k < items; k++)
        {
            await host.AddFeedsAsync([k]);
            jobs.Enqueue<DispatchFeedsJob>(job => job.RunAsync(CancellationToken.None));
            await Task.Delay(spacing);
        }

        var finished = await WaitAllSentAsync(host, jobs, items, start, TimeSpan.FromMinutes(2) + spacing * items, output);
        var latencies = new List<double>();
        var slowest = new List<(double Ms, int Item, string Channel, double AtSeconds, string? Id)>();
        foreach (var post in host.Slack.Posts.Where(p => p.ThreadTs is null && p.DigestCount == 0))
        {
            if (DeliveryWorkload.ItemOf(post.Text) is { } k && host.Feeds.ServedAt.TryGetValue(k, out var served))
            {
                var ms = Stopwatch.GetElapsedTime(served, post.ReceivedAt).TotalMilliseconds;
                latencies.Add(ms);
                slowest.Add((ms, k, post.Channel, Stopwatch.GetElapsedTime(start, post.ReceivedAt).TotalSeconds, post.DeliveryId));
            }
        }

        var wallStart = DateTimeOffset.UtcNow - Stopwatch.GetElapsedTime(start);
        foreach (var (ms, k, channel, at, id) in slowest.OrderByDescending(s => s.Ms).Take(3))
        {
            var deliveryId = long.Parse(id ?? "0", System.Globalization.CultureInfo.InvariantCulture);
            var row = await host.QueryAsync(db => db.Deliveries.AsNoTracking().Where(d => d.Id == deliveryId)
                .Select(d => new { d.CreatedAt, d.SentAt, d.Attempts, d.Story!.FirstSeenAt }).FirstOrDefaultAsync());
            output.WriteLine($"  slow: item {k} to {channel}: {ms:N0} ms, accepted at {at:N1} s; row created at {(row?.CreatedAt - wallStart)?.TotalSeconds:N1} s, " +
                $"sent at {(row?.SentAt - wallStart)?.TotalSeconds:N1} s, attempts {row?.Attempts}");
        }

        var report = new DeliveryLatencyReport(latencies.Count, items * destinations,
            DeliveryLatencyReport.Percentile(latencies, 0.5), DeliveryLatencyReport.Percentile(latencies, 0.99), host.Slack.Rejections.Count);
        output.WriteLine($"latency served -> accepted by Slack: {report.Samples} of {report.Expected} alerts{(finished ? "" : " (TIMED OUT)")}, " +
            $"p50 {report.P50Ms:N0} ms, p99 {report.P99Ms:N0} ms, max {(latencies.Count > 0 ? latencies.Max() : double.NaN):N0} ms; 429s: {report.Rejections}");
        return report;
    }

    // Until every feed is polled and every delivery row sent (or dead). Held rows are released by running
    // HeldAlertsJob every few seconds instead of waiting for its minutely schedule.
    private static async Task<bool> WaitAllSentAsync(DeliveryHost host, IBackgroundJobClient jobs, int feeds, long start, TimeSpan limit, TextWriter output)
    {
        var lastRelease = TimeSpan.Zero;
        var lastProgress = TimeSpan.Zero;
        while (Stopwatch.GetElapsedTime(start) < limit)
        {
            var (polled, rows, sent, dead, held) = await host.QueryAsync(async db => (
                await db.Feeds.CountAsync(f => f.LastSuccessAt != null && f.PollingUntil == null),
                await db.Deliveries.CountAsync(),
                await db.Deliveries.CountAsync(d => d.State == DeliveryState.Sent),
                await db.Deliveries.CountAsync(d => d.State == DeliveryState.Dead),
                await db.Deliveries.CountAsync(d => d.HeldFor != null && d.State == DeliveryState.Pending)));
            var elapsed = Stopwatch.GetElapsedTime(start);
            if (polled >= feeds && rows > 0 && sent + dead == rows)
            {
                return dead == 0;
            }

            if (held > 0 && elapsed - lastRelease >= HeldRelease)
            {
                jobs.Enqueue<HeldAlertsJob>(job => job.RunAsync(CancellationToken.None));
                lastRelease = elapsed;
            }

            if (elapsed - lastProgress >= TimeSpan.FromSeconds(15))
            {
                output.WriteLine($"  {elapsed.TotalSeconds,5:0} s: feeds polled {polled}/{feeds}, rows {rows:N0}, sent {sent:N0}, held {held:N0}, dead {dead:N0}, " +
                    $"posts {host.Slack.Posts.Count:N0}, 429s {host.Slack.Rejections.Count:N0}");
                lastProgress = elapsed;
            }

            await Task.Delay(250);
        }

        return false;
    }

    // What the fake accepted against the outbox: every row sent, each alert posted once (by delivery id for single
    // alerts; by count for held singles and summaries, which carry no delivery id), to its own channel.
    private static async Task<DeliveryLoadReport> VerifyAsync(DeliveryHost host, int items, int feeds, long start, double seconds, bool finished, TextWriter output)
    {
        // The seeded web-stream destination also gets every alert; only the Slack channels are verified here.
        var all = await host.QueryAsync(db => db.Deliveries.AsNoTracking()
            .Select(d => new { d.Id, d.Destination!.Kind, d.Destination.Address, d.State }).ToListAsync());
        var rows = all.Where(r => r.Kind == "slack").ToList();
        var stories = await host.QueryAsync(db => db.Stories.CountAsync());
        var byId = rows.ToDictionary(r => r.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var posts = host.Slack.Posts;
        var channels = rows.GroupBy(r => r.Address).Select(g => g.Key).Union(posts.Select(p => p.Channel)).ToList();

        int duplicates = 0, missing = 0, misrouted = 0;
        var perChannel = new List<int>();
        foreach (var channel in channels)
        {
            var mine = posts.Where(p => p.Channel == channel && p.ThreadTs is null).ToList();
            perChannel.Add(mine.Count);
            var ids = mine.Where(p => p.DeliveryId is not null).Select(p => p.DeliveryId!).ToList();
            duplicates += ids.Count - ids.Distinct().Count();
            misrouted += ids.Distinct().Count(id => !byId.TryGetValue(id, out var row) || row.Address != channel);
            var covered = ids.Distinct().Count()
                + mine.Count(p => p.DeliveryId is null && p.DigestCount == 0)
                + mine.Sum(p => p.DigestCount);
            var expected = rows.Count(r => r.Address == channel && r.State == DeliveryState.Sent);
            duplicates += Math.Max(0, covered - expected);
            missing += Math.Max(0, expected - covered);
        }

        var lost = rows.Count(r => r.State != DeliveryState.Sent);
        var rejections = host.Slack.Rejections;
        var late = rejections.Count(t => Stopwatch.GetElapsedTime(start, t) > WarmUp);
        var lowerBound = perChannel.Count == 0 ? 0 : perChannel.Max();
        var singles = posts.Count(p => p.ThreadTs is null && p.DigestCount == 0);
        var summaries = posts.Count(p => p.DigestCount > 0);

        var latencies = new List<double>();
        foreach (var post in posts.Where(p => p.ThreadTs is null && p.DigestCount == 0))
        {
            if (DeliveryWorkload.ItemOf(post.Text) is { } k && host.Feeds.ServedAt.TryGetValue(k % feeds, out var served))
            {
                latencies.Add(Stopwatch.GetElapsedTime(served, post.ReceivedAt).TotalMilliseconds);
            }
        }

        output.WriteLine($"items {items:N0} -> stories {stories:N0}; slack delivery rows {rows.Count:N0} (+{all.Count - rows.Count:N0} web stream) ({string.Join(", ", rows.GroupBy(r => r.State).Select(g => $"{g.Key} {g.Count():N0}"))})");
        output.WriteLine($"total: {seconds:N1} s{(finished ? "" : " (DID NOT FINISH)")}; rate-limit lower bound {lowerBound} s " +
            $"(most messages to one channel x 1 s)");
        output.WriteLine($"posts accepted: {singles:N0} single alerts + {summaries:N0} summaries carrying {posts.Sum(p => p.DigestCount):N0} alerts; " +
            $"thread replies {posts.Count(p => p.ThreadTs is not null)}, updates {host.Slack.Updates}, history reads {host.Slack.HistoryCalls}");
        output.WriteLine($"messages per channel: min {(perChannel.Count > 0 ? perChannel.Min() : 0)}, max {lowerBound}, mean {(perChannel.Count > 0 ? perChannel.Average() : 0):N1}");
        output.WriteLine($"429s: {rejections.Count} in all, {late} after the first {WarmUp.TotalSeconds:0} s");
        output.WriteLine($"lost: {lost} rows not sent, {missing} sent rows the fake never saw; duplicates: {duplicates}; posted to the wrong channel: {misrouted}");
        output.WriteLine($"single alerts served -> accepted: p50 {DeliveryLatencyReport.Percentile(latencies, 0.5) / 1000:N1} s, p99 {DeliveryLatencyReport.Percentile(latencies, 0.99) / 1000:N1} s (rate limit and storm holds included)");
        output.WriteLine($"peak working set: {DeliveryHost.PeakWorkingSetMiB():N0} MiB");
        return new DeliveryLoadReport(finished, rows.Count, lost + missing, duplicates + misrouted, late, rejections.Count, seconds, lowerBound);
    }
}
