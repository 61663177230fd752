using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TradeAlertBot.Benchmarks.Ingest;
using TradeAlertBot.Deliveries;
using TradeAlertBot.Hosting;
using TradeAlertBot.Storage;
using TradeAlertBot.Storage.Entities;

namespace TradeAlertBot.Benchmarks.Delivery;

/// <summary>
/// The real host in this process (Hangfire in memory, a temporary SQLite file) wired to the rate-limited fake
/// Slack API and a feed server, with N Slack channels subscribed to new-tariffs and the console destination removed.
/// </summary>
internal sealed class DeliveryHost : IAsyncDisposable
{
    private readonly string _database;

    private DeliveryHost(WebApplication app, RateLimitedSlackApi slack, BenchFeedServer feeds, string database)
    {
        (App, Slack, Feeds, _database) = (app, slack, feeds, database);
    }

    public WebApplication App { get; }
    public RateLimitedSlackApi Slack { get; }
    public BenchFeedServer Feeds { get; }

    public static string Channel(int n) => $"CBENCH{n:D5}";

    public static async Task<DeliveryHost> StartAsync(byte[][] documents, int destinations, string[] extraArgs)
    {
        var slack = await RateLimitedSlackApi.StartAsync();
        var feeds = await BenchFeedServer.StartAsync(documents);
        var database = Path.Combine(Path.GetTempPath(), $"tab-delivery-{Guid.NewGuid():n}.db");
        var app = ServiceHost.Build(
        [
            "--urls", "http://127.0.0.1:0",
            $"--ConnectionStrings:Default=Data Source={database}",
            "--Slack:SigningSecret=x",
            $"--Slack:BotToken={RateLimitedSlackApi.BotToken}",
            $"--Slack:ApiBaseUrl={slack.BaseUrl.AbsoluteUri}",
            "--Feeds:UseSamples=false",
            "--Feeds:AllowedPrivateHosts=127.0.0.1",
            "--Feeds:MaxConcurrentPerHost=32",
            "--Logging:LogLevel:Default=Warning",
            // Every 429, retry and storm is logged at Warning; the run counts them itself.
            "--Logging:LogLevel:TradeAlertBot.Jobs.DeliverJob=Error",
            .. extraArgs,
        ]);
        await app.StartAsync();
        var host = new DeliveryHost(app, slack, feeds, database);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TradeAlertDbContext>();
        await db.Destinations.Where(d => d.Kind == "console").ExecuteDeleteAsync();
        db.Destinations.AddRange(Enumerable.Range(0, destinations).Select(n => new Destination
        {
            Kind = "slack",
            Address = Channel(n),
            Name = $"#bench-{n}",
            Subscriptions = [new Subscription { RuleName = "new-tariffs" }],
        }));
        await db.SaveChangesAsync();
        return host;
    }

    /// <summary>Adds feed rows /feed/{n}.xml, due at once (the caller triggers a dispatch).</summary>
    public async Task AddFeedsAsync(IEnumerable<int> numbers)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TradeAlertDbContext>();
        db.Feeds.AddRange(numbers.Select(n => new Feed
        {
            Url = new Uri(Feeds.BaseUrl, $"/feed/{n}.xml").AbsoluteUri,
            CreatedAt = DateTimeOffset.UnixEpoch,
            NextPollAt = DateTimeOffset.UnixEpoch,
        }));
        await db.SaveChangesAsync();
    }

    public async Task<T> QueryAsync<T>(Func<TradeAlertDbContext, Task<T>> query)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<TradeAlertDbContext>());
    }

    public static long PeakWorkingSetMiB() => Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024);

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        await Feeds.DisposeAsync();
        await Slack.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in Directory.GetFiles(Path.GetTempPath(), Path.GetFileName(_database) + "*"))
        {
            File.Delete(file);
        }
    }
}
