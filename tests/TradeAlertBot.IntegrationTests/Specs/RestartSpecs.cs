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
        var items = Enumerable.Range(1, 8).Select(i => new Rss.Item($"t{i}",
            $"Country {i} imposes tariffs on imported widgets model {i * 37}",
            $"The government of country {i} imposed a {10 + i}% tariff on imported widgets of model {i * 37}, " +
            $"effective next month, its trade ministry said, citing a surge of imports numbered {i * 1001}.",
            TradeNews.Published)).ToArray();
        _server.Serve("/wire.xml", Rss.Feed("Trade Wire", items));

        var first = new TradeAlertBotFactory(_database);
        await Scenario.AddTestDestinationAsync(first, "C1", "new-tariffs");
        var feedId = await Scenario.AddFeedAsync(first, _server.Url("/wire.xml"));
        await first.RunJobAsync<PollFeedJob>(job => job.RunAsync(feedId, CancellationToken.None));
        var storedBeforeStop = await first.WithDbAsync(db => db.Deliveries.CountAsync());
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
}
