using System.Diagnostics;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TradeAlertBot.Hosting;
using TradeAlertBot.Jobs;
using TradeAlertBot.Storage;
using TradeAlertBot.Storage.Entities;

namespace TradeAlertBot.Benchmarks.Ingest;

/// <summary>
/// End to end through the real host (Hangfire in memory, SQLite file): N feeds × M items served from 127.0.0.1,
/// one dispatch, until every feed is polled and every item stored with its deliveries; then a second cycle in
/// which every feed answers 304. Reports items/s, latency from serving a feed to its items' outbox rows being
/// committed, and peak memory.
/// </summary>
public static class IngestBenchmark
{
    public static async Task<IngestReport> RunAsync(int feeds, int itemsPerFeed, TextWriter output, string[] extraArgs)
    {
        var documents = IngestWorkload.BuildFeeds(feeds, itemsPerFeed);
        await using var server = await BenchFeedServer.StartAsync(documents);
        var database = Path.Combine(Path.GetTempPath(), $"tab-ingest-{Guid.NewGuid():n}.db");
        var app = ServiceHost.Build(
        [
            "--urls", "http://127.0.0.1:0",
            $"--ConnectionStrings:Default=Data Source={database}",
            "--Feeds:UseSamples=false",
            "--Feeds:AllowedPrivateHosts=127.0.0.1",
            // Every bench feed is on one host; real feed lists spread over many, so lift the per-host cap.
            "--Feeds:MaxConcurrentPerHost=32",
            "--Logging:LogLevel:Default=Warning",
            .. extraArgs,
        ]);
        await app.StartAsync();
        try
        {
            await PrepareAsync(app.Services, server.BaseUrl, feeds);
            var jobs = app.Services.GetRequiredService<IBackgroundJobClient>();

            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            jobs.Enqueue<DispatchFeedsJob>(job => job.RunAsync(CancellationToken.None));
            await WaitAsync(app.Services, db => db.Feeds.CountAsync(f => f.LastSuccessAt != null && f.PollingUntil == null), feeds);
            var ingestSeconds = clock.Elapsed.TotalSeconds;
            var ingestCpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
            var (items, deliveries, latencies) = await ResultsAsync(app.Services, server);

            await using (var scope = app.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<TradeAlertDbContext>();
                await db.Feeds.ExecuteUpdateAsync(s => s.SetProperty(f => f.NextPollAt, DateTimeOffset.UnixEpoch).SetProperty(f => f.LastStatus, (string?)null));
            }

            clock.Restart();
            jobs.Enqueue<DispatchFeedsJob>(job => job.RunAsync(CancellationToken.None));
            await WaitAsync(app.Services, db => db.Feeds.CountAsync(f => f.LastStatus == "ok: not modified" && f.PollingUntil == null), feeds);
            var unchangedSeconds = clock.Elapsed.TotalSeconds;

            output.WriteLine($"feeds: {feeds} x {itemsPerFeed} items; stored {items:N0} items, {deliveries:N0} delivery rows");
            output.WriteLine($"ingest: {ingestSeconds:N1} s, {items / ingestSeconds:N0} items/s end to end");
            output.WriteLine($"cpu: {ingestCpu.TotalSeconds:N1} s, {ingestCpu.TotalMilliseconds * 1000 / Math.Max(1, items):N0} µs per item");
            output.WriteLine($"latency served -> outbox committed: p50 {Percentile(latencies, 0.5):N0} ms, p99 {Percentile(latencies, 0.99):N0} ms");
            output.WriteLine($"unchanged cycle (all 304): {unchangedSeconds:N1} s");
            output.WriteLine($"peak working set: {Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024):N0} MiB");
            return new IngestReport(feeds * itemsPerFeed, items, items / ingestSeconds, unchangedSeconds);
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var file in Directory.GetFiles(Path.GetTempPath(), Path.GetFileName(database) + "*"))
            {
                File.Delete(file);
            }
        }
    }

    internal static async Task PrepareAsync(IServiceProvider services, Uri baseUrl, int feeds)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TradeAlertDbContext>();
        // The console destination would time the terminal; keep only the web stream (no listeners here).
        await db.Destinations.Where(d => d.Kind == "console").ExecuteDeleteAsync();
        db.Feeds.AddRange(Enumerable.Range(0, feeds).Select(n => new Feed
        {
            Url = new Uri(baseUrl, $"/feed/{n}.xml").AbsoluteUri,
            CreatedAt = DateTimeOffset.UnixEpoch,
            NextPollAt = DateTimeOffset.UnixEpoch,
        }));
        await db.SaveChangesAsync();
    }

    internal static async Task WaitAsync(IServiceProvider services, Func<TradeAlertDbContext, Task<int>> done, int expected)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromMinutes(10))
        {
            await using var scope = services.CreateAsyncScope();
            if (await done(scope.ServiceProvider.GetRequiredService<TradeAlertDbContext>()) >= expected)
            {
                return;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("ingest did not finish in 10 minutes");
    }

    internal static async Task<(int Items, int Deliveries, List<double> LatenciesMs)> ResultsAsync(IServiceProvider services, BenchFeedServer server)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TradeAlertDbContext>();
        var items = await db.Items.CountAsync();
        var deliveries = await db.Deliveries.CountAsync();
        // Per feed: from the moment it was served to the moment its poll committed (LastSuccessAt is set in the
        // final save of the poll, after its items and outbox rows were committed).
        var feeds = await db.Feeds.AsNoTracking().Select(f => new { f.Url, f.LastSuccessAt }).ToListAsync();
        var now = DateTimeOffset.UtcNow;
        var nowTicks = Stopwatch.GetTimestamp();
        var latencies = new List<double>();
        foreach (var feed in feeds)
        {
            var n = int.Parse(Path.GetFileNameWithoutExtension(new Uri(feed.Url).AbsolutePath), System.Globalization.CultureInfo.InvariantCulture);
            if (server.ServedAt.TryGetValue(n, out var served) && feed.LastSuccessAt is { } committed)
            {
                var servedAt = now - Stopwatch.GetElapsedTime(served, nowTicks);
                latencies.Add((committed - servedAt).TotalMilliseconds);
            }
        }

        return (items, deliveries, latencies);
    }

    internal static double Percentile(List<double> values, double p)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
    }
}
