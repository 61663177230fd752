using System.Diagnostics;
using Hangfire;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TradeAlertBot.Hosting;
using TradeAlertBot.Jobs;
using TradeAlertBot.Storage;

namespace TradeAlertBot.Benchmarks.Ingest;

/// <summary>
/// The ingest benchmark on N hosts in this process sharing one database (each host with its own job storage
/// instance, as separate nodes would have): one dispatch, until every feed is polled and every item stored; then,
/// once the queued jobs have run, a cycle in which every feed answers 304. CPU is this process's plus the database
/// server's. Feeds 2k and 2k+1 carry the same trade stories, so the nodes race to found them.
/// </summary>
internal static class IngestNodes
{
    public static async Task<IngestRow> RunAsync(IngestStore store, int nodes, int feeds, int itemsPerFeed, string[] extraArgs, CancellationToken ct)
    {
        await using var server = await BenchFeedServer.StartAsync(IngestWorkload.BuildFeeds(feeds, itemsPerFeed, twinStories: true));
        var keys = Path.Combine(Path.GetTempPath(), $"tab-ingest-keys-{Guid.NewGuid():n}");
        var hosts = Enumerable.Range(0, nodes).Select(_ => ServiceHost.Build(
        [
            "--urls", "http://127.0.0.1:0",
            .. store.HostArgs,
            $"--DataProtection:KeysPath={keys}", // nodes share one key ring, as a deployment's do
            "--Feeds:UseSamples=false",
            "--Feeds:AllowedPrivateHosts=127.0.0.1",
            "--Feeds:MaxConcurrentPerHost=32", // every bench feed is on one host
            "--Logging:LogLevel:Default=Warning",
            // Start-up's first look for the migrations table of an empty PostgreSQL database logs a failed command;
            // a real failure still surfaces as the exception that ends the run.
            "--Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command=None",
            .. extraArgs,
        ])).ToList();
        try
        {
            // The first node migrates and seeds; the others then start together. Nodes started all at once once
            // failed here (each seeded the default destinations; all but one hit the unique index), so the timed
            // part does not depend on how start-up coordinates.
            await hosts[0].StartAsync(ct);
            await Task.WhenAll(hosts.Skip(1).Select(host => host.StartAsync(ct)));
            var first = hosts[0].Services;
            await IngestBenchmark.PrepareAsync(first, server.BaseUrl, feeds);
            var (emptyBytes, emptyHangfire) = await store.SizeAsync(ct);

            var (ingest, botCpu, serverCpu, peak) = await TimeAsync(store, first,
                db => db.Feeds.CountAsync(f => f.LastSuccessAt != null && f.PollingUntil == null, ct), feeds, ct);
            var (items, deliveries, latencies) = await IngestBenchmark.ResultsAsync(first, server);
            var (bytes, hangfire) = await store.SizeAsync(ct);
            var (stories, twice, itemsTwice) = await CorrectnessAsync(first, ct);
            var servedTwice = server.FullServes.Values.Count(count => count > 1);

            var drain = await DrainAsync(first, ct);
            await using (var scope = first.CreateAsyncScope())
            {
                await scope.ServiceProvider.GetRequiredService<TradeAlertDbContext>().Feeds.ExecuteUpdateAsync(
                    s => s.SetProperty(f => f.NextPollAt, DateTimeOffset.UnixEpoch).SetProperty(f => f.LastStatus, (string?)null), ct);
            }

            var (unchanged, unchangedBot, unchangedServer, _) = await TimeAsync(store, first,
                db => db.Feeds.CountAsync(f => f.LastStatus == "ok: not modified" && f.PollingUntil == null, ct), feeds, ct);

            return new IngestRow(store.Name, nodes, feeds * itemsPerFeed, items, ingest, botCpu, serverCpu,
                IngestBenchmark.Percentile(latencies, 0.5), IngestBenchmark.Percentile(latencies, 0.99),
                drain.Seconds, drain.Left, unchanged, unchangedBot + unchangedServer, unchangedServer, feeds, bytes - emptyBytes, hangfire - emptyHangfire, peak, deliveries,
                stories, IngestWorkload.DistinctStories(feeds, itemsPerFeed, twinStories: true), twice, itemsTwice, servedTwice);
        }
        finally
        {
            await Task.WhenAll(hosts.Select(host => host.StopAsync(CancellationToken.None)));
            foreach (var host in hosts)
            {
                await host.DisposeAsync();
            }

            if (Directory.Exists(keys))
            {
                Directory.Delete(keys, recursive: true);
            }
        }
    }

    // One dispatch (through the first node; any node's workers take the polls it enqueues), timed until done;
    // the database's connections are sampled meanwhile.
    private static async Task<(double Seconds, TimeSpan BotCpu, TimeSpan ServerCpu, int? PeakConnections)> TimeAsync(
        IngestStore store, IServiceProvider services, Func<TradeAlertDbContext, Task<int>> done, int expected, CancellationToken ct)
    {
        var botCpu = Process.GetCurrentProcess().TotalProcessorTime;
        var serverCpu = store.ServerCpu();
        var clock = Stopwatch.StartNew();
        using var sampling = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var peak = SamplePeakAsync(store, sampling.Token);
        services.GetRequiredService<IBackgroundJobClient>().Enqueue<DispatchFeedsJob>(job => job.RunAsync(CancellationToken.None));
        await IngestBenchmark.WaitAsync(services, done, expected);
        var seconds = clock.Elapsed.TotalSeconds;
        var cpu = (Process.GetCurrentProcess().TotalProcessorTime - botCpu, store.ServerCpu() - serverCpu);
        await sampling.CancelAsync();
        return (seconds, cpu.Item1, cpu.Item2, await peak);
    }

    private static async Task<int?> SamplePeakAsync(IngestStore store, CancellationToken ct)
    {
        int? peak = null;
        try
        {
            while (!ct.IsCancellationRequested)
            {
                var now = await store.ConnectionsAsync(ct);
                peak = now is null ? null : Math.Max(peak ?? 0, now.Value);
                await Task.Delay(250, ct);
            }
        }
        catch (OperationCanceledException)
        {
            // the phase ended
        }

        return peak;
    }

    private static async Task<(int Stories, int FoundedTwice, int ItemsTwice)> CorrectnessAsync(IServiceProvider services, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TradeAlertDbContext>();
        var stories = await db.Stories.CountAsync(ct);
        // Twin reports have the same title: two stories with one title is a story founded twice.
        var titles = await db.Stories.Select(s => s.Title).Distinct().CountAsync(ct);
        var keys = await db.Items.Select(i => new { i.FeedId, i.DedupeKey }).Distinct().CountAsync(ct);
        return (stories, stories - titles, await db.Items.CountAsync(ct) - keys);
    }

    // The jobs the ingest enqueued (deliveries) run first, so the all-304 cycle times polls rather than a backlog of
    // sends; how long that takes is the job storage's throughput after a burst. Bounded: what is left is reported.
    private static async Task<(double Seconds, long Left)> DrainAsync(IServiceProvider services, CancellationToken ct)
    {
        var monitor = services.GetRequiredService<JobStorage>().GetMonitoringApi();
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var statistics = monitor.GetStatistics();
            var left = statistics.Enqueued + statistics.Processing;
            if (left == 0 || clock.Elapsed > TimeSpan.FromMinutes(3))
            {
                return (clock.Elapsed.TotalSeconds, left);
            }

            await Task.Delay(200, ct);
        }
    }
}
