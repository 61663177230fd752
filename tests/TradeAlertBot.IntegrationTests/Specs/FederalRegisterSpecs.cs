using Microsoft.EntityFrameworkCore;
using TradeAlertBot.Jobs;
using TradeAlertBot.TestFakes;

namespace TradeAlertBot.IntegrationTests.Specs;

/// <summary>A Federal Register source polled through the real poll job against the fake API on 127.0.0.1.</summary>
public sealed class FederalRegisterSpecs : IAsyncLifetime
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);
    private readonly string _database = TradeAlertBotFactory.NewDatabasePath();
    private FakeFederalRegister _api = null!;
    private TradeAlertBotFactory _host = null!;

    public async Task InitializeAsync()
    {
        _api = await FakeFederalRegister.StartAsync();
        _host = new TradeAlertBotFactory(_database, settings: new Dictionary<string, string>
        {
            ["Sources:FederalRegister:BaseUrl"] = _api.BaseUrl.AbsoluteUri,
            ["Sources:FederalRegister:RequestsPerSecond"] = "20",
        });
        _ = _host.Server;
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _api.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_database);
    }

    private Task DispatchAsync() => _host.RunJobAsync<DispatchFeedsJob>(job => job.RunAsync(CancellationToken.None));

    [Fact]
    public async Task A_channel_subscribed_to_export_controls_is_alerted_to_a_bis_rule_and_to_one_on_public_inspection()
    {
        _api.Publish(new FakeFrDocument("2026-23456", "Rule", "Additions of Chinese entities to the Entity List", Today, [FakeFrDocument.Bis])
        {
            Abstract = "The Bureau of Industry and Security adds 12 Chinese companies to the Entity List, imposing a licence " +
                       "requirement on exports of US technology to them for supporting military chip programmes.",
            EffectiveOn = Today.AddDays(14),
            CfrReferences = [(15, 744)],
        });
        _api.Publish(new FakeFrDocument("2026-23457", "Notice", "Sanctions designations update", Today, [FakeFrDocument.Ofac]));
        _api.PutOnPublicInspection(new FakeFrDocument("2026-24000", "Rule", "Export controls on advanced computing items: license requirements for entities in China", Today.AddDays(1), [FakeFrDocument.Bis]));
        var feedId = await Scenario.AddFeedAsync(_host, _api.SearchUrl("industry-and-security-bureau"));
        await Scenario.AddTestDestinationAsync(_host, "C-EXPORTS", "export-controls");

        await DispatchAsync();
        await _host.WaitForQuietAsync();

        var keys = await _host.WithDbAsync(db => db.Items.Where(i => i.FeedId == feedId).Select(i => i.DedupeKey).ToListAsync());
        Assert.Equal(["guid:fr-pi:2026-24000", "guid:fr:2026-23456"], keys.Order());
        var feed = await Scenario.FeedAsync(_host, feedId);
        Assert.Equal(("ok: 2 item(s), 2 new", 0), (feed.LastStatus, feed.ConsecutiveErrors));
        Assert.Equal("Federal Register: Industry and Security Bureau", feed.Title);
        Assert.NotNull(feed.ETag);
        var search = Assert.Single(_api.RequestsTo(FakeFederalRegister.SearchPath));
        Assert.Contains("effective_on", search.Values("fields[]"));
        Assert.Single(_api.RequestsTo(FakeFederalRegister.PublicInspectionPath));
        var titles = _host.Sender.Sent.Where(s => s.Address == "C-EXPORTS").Select(s => s.Alert.Title).ToList();
        Assert.Contains("Additions of Chinese entities to the Entity List", titles);
        Assert.Contains("Export controls on advanced computing items: license requirements for entities in China", titles);
    }

    [Fact]
    public async Task A_source_the_api_rate_limits_for_long_shows_the_wait_in_feed_health_and_is_polled_again_after_it()
    {
        _api.RateLimit(1, TimeSpan.FromMinutes(20));
        var feedId = await Scenario.AddFeedAsync(_host, _api.SearchUrl("industry-and-security-bureau"));

        await DispatchAsync();
        await _host.WaitUntilAsync(async db => (await db.Feeds.SingleAsync(f => f.Id == feedId)).ConsecutiveErrors > 0);

        var feed = await Scenario.FeedAsync(_host, feedId);
        Assert.Equal("error: RateLimited", feed.LastStatus);
        Assert.Contains("the API asks to wait 1200 s", feed.LastError);
        Assert.True(feed.NextPollAt >= DateTimeOffset.UtcNow.AddMinutes(19), "the next poll waits as the API asked");
        Assert.Equal(0, await _host.WithDbAsync(db => db.Items.CountAsync()));
    }
}
