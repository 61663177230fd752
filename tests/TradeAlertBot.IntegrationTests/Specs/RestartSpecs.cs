using Microsoft.EntityFrameworkCore;
using TradeAlertBot.IntegrationTests.Fakes;
using TradeAlertBot.Jobs;
using TradeAlertBot.Storage.Entities;

namespace TradeAlertBot.IntegrationTests.Specs;

public sealed class RestartSpecs : IAsyncLifetime
{
    private readonly string _database = TradeAlertBotFactory.NewDatabasePath();
    private FeedServer _server = null!;

    public async Task InitializeAsync() => _server = await FeedServer.StartAsync();

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_database);
    }

    [Fact]
    public async Task A_host_stopped_right_after_polling_loses_no_alert_and_repeats_none_after_restart()
    {
        Rss.Item[] items =
        [
            TradeNews.Tariff,
            TradeNews.ExportControl,
            new("r3", "Canada imposes surtax on Chinese aluminium", "Ottawa imposed a 25% surtax on aluminium products from China, matching earlier measures on electric vehicles, the finance department said.", TradeNews.Published),
            new("r4", "Mexico raises duties on footwear imports", "Mexico raised import duties on footwear and apparel from countries without a trade agreement to 35%, the economy ministry said in a decree.", TradeNews.Published),
            new("r5", "India hikes levy on edible oils", "India increased the basic customs duty on crude palm, soybean and sunflower oils to 20%, a government notification showed, to support local oilseed farmers.", TradeNews.Published),
            new("r6", "Brussels threatens retaliation over whiskey tariffs", "The European Commission threatened retaliatory tariffs on US motorcycles and bourbon if Washington goes ahead with its planned levy on European spirits.", TradeNews.Published),
            new("r7", "South Korea slaps duties on Japanese steel plates", "Seoul will impose tariffs of up to 30% on thick steel plates from Japan after the trade commission recommended protection for domestic mills.", TradeNews.Published),
            new("r8", "Australia introduces tariff on imported tomatoes", "Australia introduced a new tariff on imported processed tomatoes, the agriculture minister said, in a move Italian exporters called unfair.", TradeNews.Published),
        ];
        _server.Serve("/wire.xml", Rss.Feed("Trade Wire", items));

        var first = new TradeAlertBotFactory(_database);
        var destination = await Scenario.AddTestDestinationAsync(first, "C1", "new-tariffs", "export-controls");
        var feedId = await Scenario.AddFeedAsync(first, _server.Url("/wire.xml"), due: false);
        await first.RunJobAsync<PollFeedJob>(job => job.RunAsync(feedId, CancellationToken.None));
        var storedBeforeStop = await first.WithDbAsync(db => db.Deliveries.CountAsync(d => d.DestinationId == destination));
        await first.DisposeAsync(); // queued Deliver jobs die with the in-memory job store

        var second = new TradeAlertBotFactory(_database);
        _ = second.Server; // start-up re-enqueues every unsent outbox row
        await second.WaitUntilAsync(async db => await db.Deliveries.AllAsync(d => d.State == DeliveryState.Sent));
        await Scenario.MakeFeedsDueAsync(second);
        await second.RunJobAsync<DispatchFeedsJob>(job => job.RunAsync(CancellationToken.None));
        await second.WaitUntilAsync(async db => (await db.Feeds.SingleAsync()).PollingUntil == null);

        var sent = first.Sender.Sent.Concat(second.Sender.Sent).ToList();
        Assert.Equal(items.Length, storedBeforeStop);
        Assert.Equal(items.Length, await second.WithDbAsync(db => db.Items.CountAsync()));
        Assert.Equal(items.Length, sent.Count);
        Assert.Equal(items.Length, sent.Select(s => s.Alert.StoryId).Distinct().Count());
        await second.DisposeAsync();
    }

    // Every post fails at first, so the alerts wait for a retry (5 s away, stored with the row) when the host dies.
    // The restarted host waits for that time, so it is as short as leaves the first host no chance to retry before
    // it is killed (that takes milliseconds once the rows have failed), even on a slow machine.
    private static readonly Dictionary<string, string> SlowRetries = new()
    {
        ["Delivery:RetryDelay"] = "00:00:05",
        ["Delivery:MaxRetryDelay"] = "00:00:05",
        ["Delivery:MaxAttempts"] = "12",
    };

    private async Task<(TradeAlertBotFactory Host, long Destination)> KillWhileAlertsWaitForARetryAsync(Rss.Item[] items)
    {
        _server.Serve("/wire.xml", Rss.Feed("Trade Wire", items));
        var first = new TradeAlertBotFactory(_database, settings: SlowRetries);
        first.Sender.FailWith = new HttpRequestException("connection reset by peer");
        var destination = await Scenario.AddTestDestinationAsync(first, "C1", "new-tariffs", "export-controls");
        var feedId = await Scenario.AddFeedAsync(first, _server.Url("/wire.xml"), due: false);
        await first.RunJobAsync<PollFeedJob>(job => job.RunAsync(feedId, CancellationToken.None));
        await first.WaitUntilAsync(async db => await db.Deliveries.CountAsync(d => d.State == DeliveryState.Failed) == items.Length, TimeSpan.FromSeconds(150));
        return (first, destination);
    }

    [Fact]
    public async Task Alerts_waiting_for_a_retry_when_the_host_is_killed_arrive_within_seconds_of_the_restart()
    {
        Rss.Item[] items = [TradeNews.Tariff, TradeNews.ExportControl];
        var (first, _) = await KillWhileAlertsWaitForARetryAsync(items);
        await first.DisposeAsync(); // killed: its scheduled retries die with the in-memory job store

        var restarted = System.Diagnostics.Stopwatch.StartNew();
        var second = new TradeAlertBotFactory(_database, settings: SlowRetries);
        _ = second.Server;
        await second.WaitUntilAsync(async db => await db.Deliveries.AllAsync(d => d.State == DeliveryState.Sent), TimeSpan.FromSeconds(60));

        Assert.True(restarted.Elapsed < TimeSpan.FromSeconds(20), $"the last alert arrived {restarted.Elapsed.TotalSeconds:0} s after the restart");
        Assert.Empty(first.Sender.Sent);
        Assert.Equal(items.Length, second.Sender.Sent.Select(s => s.Alert.StoryId).Distinct().Count());
        Assert.Equal(items.Length, second.Sender.Sent.Count);
        await second.DisposeAsync();
    }

    [Fact]
    public async Task After_a_restart_alerts_are_retried_up_to_the_configured_max_attempts()
    {
        Rss.Item[] items = [TradeNews.Tariff];
        var (first, destination) = await KillWhileAlertsWaitForARetryAsync(items);
        await first.WithDbAsync(db => db.Deliveries.ExecuteUpdateAsync(s => s.SetProperty(d => d.Attempts, 9))); // of Delivery:MaxAttempts = 12
        await first.DisposeAsync();

        var second = new TradeAlertBotFactory(_database, settings: SlowRetries);
        _ = second.Server;
        await second.WaitUntilAsync(async db => await db.Deliveries.AllAsync(d => d.State == DeliveryState.Sent), TimeSpan.FromSeconds(60));

        Assert.Single(second.Sender.Sent);
        Assert.Equal(10, await second.WithDbAsync(db => db.Deliveries.Where(d => d.DestinationId == destination).Select(d => d.Attempts).SingleAsync()));
        await second.DisposeAsync();
    }
}
