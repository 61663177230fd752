using Microsoft.EntityFrameworkCore;
using TradeAlertBot.IntegrationTests.Fakes;
using TradeAlertBot.Jobs;
using TradeAlertBot.Storage.Entities;

namespace TradeAlertBot.IntegrationTests.Specs;

public sealed class FeedPollingSpecs : IAsyncLifetime
{
    private readonly string _database = TradeAlertBotFactory.NewDatabasePath();
    private FeedServer _server = null!;
    private TradeAlertBotFactory _host = null!;

    public async Task InitializeAsync()
    {
        _server = await FeedServer.StartAsync();
        _host = new TradeAlertBotFactory(_database);
        _ = _host.Server; // start the host: migrate, seed, job server
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _server.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_database);
    }

    private Task DispatchAsync() => _host.RunJobAsync<DispatchFeedsJob>(job => job.RunAsync(CancellationToken.None));

    [Fact]
    public async Task Matching_items_are_stored_classified_and_alerted_once_per_subscribed_channel()
    {
        _server.Serve("/wire.xml", Rss.Feed("Trade Wire", TradeNews.Tariff, TradeNews.ExportControl, TradeNews.Electricity));
        var feedId = await Scenario.AddFeedAsync(_host, _server.Url("/wire.xml"));
        await Scenario.AddTestDestinationAsync(_host, "C-TARIFFS", "new-tariffs");
        await Scenario.AddTestDestinationAsync(_host, "C-EXPORTS", "export-controls");

        await DispatchAsync();
        await _host.WaitForQuietAsync();

        Assert.Equal(3, await _host.WithDbAsync(db => db.Items.CountAsync()));
        var sent = _host.Sender.Sent.ToList();
        Assert.Equal(2, sent.Count);
        Assert.Contains(sent, s => s.Address == "C-TARIFFS" && s.Alert.Title == TradeNews.Tariff.Title
                                   && s.Alert.Reasons.Any(r => r.Rule == "new-tariffs" && r.Terms.Count > 0));
        Assert.Contains(sent, s => s.Address == "C-EXPORTS" && s.Alert.Title == TradeNews.ExportControl.Title);
        Assert.All(sent, s => Assert.Equal("Trade Wire", s.Alert.Source));
        Assert.DoesNotContain(sent, s => s.Alert.Title == TradeNews.Electricity.Title);
        var feed = await Scenario.FeedAsync(_host, feedId);
        Assert.Equal(0, feed.ConsecutiveErrors);
        Assert.NotNull(feed.ETag);
        Assert.Null(feed.PollingUntil);
        Assert.True(feed.NextPollAt > DateTimeOffset.UtcNow.AddMinutes(3), "next poll follows the 5-minute default interval");
    }

    [Fact]
    public async Task An_unchanged_feed_is_fetched_conditionally_and_alerts_nothing_new()
    {
        _server.Serve("/wire.xml", Rss.Feed("Trade Wire", TradeNews.Tariff));
        var feedId = await Scenario.AddFeedAsync(_host, _server.Url("/wire.xml"));
        await Scenario.AddTestDestinationAsync(_host, "C1", "new-tariffs");
        await DispatchAsync();
        await _host.WaitForQuietAsync();

        await Scenario.MakeFeedsDueAsync(_host);
        await DispatchAsync();
        await _host.WaitUntilAsync(async db => (await db.Feeds.SingleAsync(f => f.Id == feedId)).LastStatus == "ok: not modified");

        Assert.True(_server.Hits("/wire.xml") >= 2);
        Assert.Equal(1, _server.FullResponses("/wire.xml"));
        Assert.Single(_host.Sender.Sent);
        Assert.Equal(1, await _host.WithDbAsync(db => db.Items.CountAsync()));
    }

    [Fact]
    public async Task The_same_story_from_a_second_outlet_joins_it_and_updates_the_alert_instead_of_a_new_one()
    {
        _server.Serve("/wire.xml", Rss.Feed("Trade Wire", TradeNews.Tariff));
        _server.Serve("/other.xml", Rss.Feed("Other Outlet", TradeNews.TariffRepublished));
        await Scenario.AddFeedAsync(_host, _server.Url("/wire.xml"));
        await Scenario.AddTestDestinationAsync(_host, "C1", "new-tariffs");
        await DispatchAsync();
        await _host.WaitForQuietAsync();

        await Scenario.AddFeedAsync(_host, _server.Url("/other.xml"));
        await DispatchAsync();
        await _host.WaitUntilAsync(db => db.Stories.AnyAsync(s => s.OutletCount == 2));
        await _host.WaitUntilAsync(db => db.Deliveries.AllAsync(d => d.OutletsShown == 2));

        Assert.Equal(1, await _host.WithDbAsync(db => db.Stories.CountAsync()));
        Assert.Equal(2, await _host.WithDbAsync(db => db.Items.CountAsync()));
        Assert.Single(_host.Sender.Sent);
        var update = Assert.Single(_host.Sender.Updated);
        Assert.Equal(2, update.Alert.OutletCount);
    }

    [Fact]
    public async Task A_story_founded_by_a_report_that_matched_nothing_says_why_once_a_later_report_files_it()
    {
        const string body = "Steel makers in China and Vietnam met officials in Hanoi on Thursday to discuss plant " +
            "capacity, shipping schedules, port fees, rolled coil grades and the outlook for construction demand this year.";
        _server.Serve("/wire.xml", Rss.Feed("Trade Wire", new Rss.Item("quiet-1", "Steel makers meet officials in Hanoi", body, TradeNews.Published)));
        _server.Serve("/other.xml", Rss.Feed("Other Outlet", new Rss.Item("loud-1", "Steel makers meet officials in Hanoi",
            body + " Vietnam will impose a 25% tariff on the steel imports.", TradeNews.Published.AddHours(1))));
        await Scenario.AddFeedAsync(_host, _server.Url("/wire.xml"));
        await Scenario.AddTestDestinationAsync(_host, "C1", "new-tariffs");
        await DispatchAsync();
        await _host.WaitForQuietAsync();
        Assert.Empty(_host.Sender.Sent);

        await Scenario.AddFeedAsync(_host, _server.Url("/other.xml"));
        await DispatchAsync();
        await _host.WaitForQuietAsync();

        Assert.Equal(1, await _host.WithDbAsync(db => db.Stories.CountAsync()));
        var sent = Assert.Single(_host.Sender.Sent);
        Assert.Contains(sent.Alert.Reasons, r => r.Rule == "new-tariffs" && r.Terms.Count > 0);
    }

    [Fact]
    public async Task A_feed_that_answers_410_gone_is_disabled_with_the_reason()
    {
        _server.Status("/gone.xml", 410);
        var feedId = await Scenario.AddFeedAsync(_host, _server.Url("/gone.xml"));

        await DispatchAsync();
        await _host.WaitUntilAsync(async db => !(await db.Feeds.SingleAsync(f => f.Id == feedId)).Enabled);

        var feed = await Scenario.FeedAsync(_host, feedId);
        Assert.Contains("410", feed.DisabledReason);
    }

    [Fact]
    public async Task A_failing_feed_backs_off_keeps_its_error_and_turns_health_degraded()
    {
        _server.Status("/broken.xml", 500);
        var feedId = await Scenario.AddFeedAsync(_host, _server.Url("/broken.xml"), due: false);

        for (var i = 1; i <= 3; i++)
        {
            await _host.RunJobAsync<PollFeedJob>(job => job.RunAsync(feedId, CancellationToken.None));
        }

        var feed = await Scenario.FeedAsync(_host, feedId);
        Assert.Equal(3, feed.ConsecutiveErrors);
        Assert.Contains("500", feed.LastError);
        Assert.True(feed.Enabled, "an erroring feed is never given up");
        // third failure: 5 min × 2² = 20 min, ±25% jitter
        Assert.InRange(feed.NextPollAt - feed.LastFetchedAt!.Value, TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(25));
        var health = await _host.CreateClient().GetStringAsync("/healthz");
        Assert.Contains("\"status\":\"degraded\"", health);
        Assert.Contains("1 failing", health);
    }

    [Fact]
    public async Task A_permanent_redirect_updates_the_stored_feed_url()
    {
        _server.Redirect("/old.xml", "/new.xml");
        _server.Serve("/new.xml", Rss.Feed("Trade Wire", TradeNews.Tariff));
        var feedId = await Scenario.AddFeedAsync(_host, _server.Url("/old.xml"), due: false);

        await _host.RunJobAsync<PollFeedJob>(job => job.RunAsync(feedId, CancellationToken.None));

        Assert.Equal(_server.Url("/new.xml").AbsoluteUri, (await Scenario.FeedAsync(_host, feedId)).Url);
    }

    [Fact]
    public async Task A_watch_rule_added_while_running_applies_to_the_next_items_without_a_restart()
    {
        _server.Serve("/wire.xml", Rss.Feed("Trade Wire", TradeNews.ExportControl));
        await Scenario.AddTestDestinationAsync(_host, "C-CHIPS", "chip-watch");
        await _host.WithDbAsync(async db =>
        {
            db.Rules.Add(new WatchRule { Name = "chip-watch", Query = "chip* NEAR/5 (military OR programme*)", UpdatedAt = DateTimeOffset.UtcNow });
            return await db.SaveChangesAsync();
        });
        await Scenario.AddFeedAsync(_host, _server.Url("/wire.xml"));

        await DispatchAsync();
        await _host.WaitForQuietAsync();

        var (_, alert) = Assert.Single(_host.Sender.Sent, s => s.Address == "C-CHIPS");
        Assert.Contains(alert.Reasons, r => r.Rule == "chip-watch" && r.Terms.Contains("chip"));
    }

    [Fact]
    public async Task Two_feeds_polled_together_with_the_same_story_make_one_story_and_one_alert()
    {
        _server.Serve("/wire.xml", Rss.Feed("Trade Wire", TradeNews.Tariff));
        _server.Serve("/other.xml", Rss.Feed("Other Outlet", TradeNews.TariffRepublished));
        await Scenario.AddTestDestinationAsync(_host, "C1", "new-tariffs");
        await Scenario.AddFeedAsync(_host, _server.Url("/wire.xml"));
        await Scenario.AddFeedAsync(_host, _server.Url("/other.xml"));

        await DispatchAsync();
        await _host.WaitForQuietAsync();

        var story = Assert.Single(await _host.WithDbAsync(db => db.Stories.ToListAsync()));
        Assert.Equal(2, story.OutletCount);
        Assert.Single(_host.Sender.Sent);
    }
}
