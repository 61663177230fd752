using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using TradeAlertBot.Core.Routing;
using TradeAlertBot.Deliveries;
using TradeAlertBot.IntegrationTests.Fakes;
using TradeAlertBot.Jobs;

namespace TradeAlertBot.IntegrationTests.Specs;

/// <summary>A daily digest goes out at the destination's local time, driven by a fake clock.</summary>
public sealed class DigestTimeSpecs : IAsyncLifetime
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private readonly string _database = TradeAlertBotFactory.NewDatabasePath();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 25, 6, 0, 0, TimeSpan.Zero)); // 07:00 in Berlin
    private FeedServer _feeds = null!;
    private TradeAlertBotFactory _host = null!;

    public async Task InitializeAsync()
    {
        _feeds = await FeedServer.StartAsync();
        _host = new TradeAlertBotFactory(_database, services: s => s.AddSingleton<TimeProvider>(_clock));
        _ = _host.Server;
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _feeds.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_database);
    }

    [Fact]
    public async Task A_daily_digest_at_nine_in_berlin_goes_out_at_eight_utc_in_winter_once()
    {
        var destinationId = await Scenario.AddTestDestinationAsync(_host, "C-DAILY", "new-tariffs", "export-controls");
        var nextDigest = DigestSchedule.TryParse("daily 09:00")!.Next(_clock.GetUtcNow(), Berlin);
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 8, 0, 0, TimeSpan.Zero), nextDigest);
        await _host.WithDbAsync(db => db.Destinations.Where(d => d.Id == destinationId).ExecuteUpdateAsync(s => s
            .SetProperty(d => d.Digest, "daily 09:00").SetProperty(d => d.TimeZone, "Europe/Berlin").SetProperty(d => d.NextDigestAt, nextDigest)));

        _feeds.Serve("/wire.xml", Rss.Feed("Trade Wire", TradeNews.Tariff, TradeNews.ExportControl));
        await Scenario.AddFeedAsync(_host, _feeds.Url("/wire.xml"));
        await _host.RunJobAsync<DispatchFeedsJob>(job => job.RunAsync(CancellationToken.None));
        await _host.WaitUntilAsync(db => db.Deliveries.CountAsync(d => d.DestinationId == destinationId && d.HeldFor == "digest").ContinueWith(t => t.Result == 2));

        _clock.SetUtcNow(new DateTimeOffset(2026, 11, 25, 7, 59, 0, TimeSpan.Zero)); // 08:59 in Berlin
        await _host.RunJobAsync<HeldAlertsJob>(job => job.RunAsync(CancellationToken.None));
        Assert.Empty(_host.Sender.Digests);

        _clock.SetUtcNow(new DateTimeOffset(2026, 11, 25, 8, 0, 30, TimeSpan.Zero)); // 09:00:30 in Berlin
        await _host.RunJobAsync<HeldAlertsJob>(job => job.RunAsync(CancellationToken.None));
        await _host.RunJobAsync<HeldAlertsJob>(job => job.RunAsync(CancellationToken.None));

        var digest = Assert.Single(_host.Sender.Digests);
        Assert.Equal(2, digest.Alerts.Count);
        Assert.Empty(_host.Sender.Sent);
        var destination = await _host.WithDbAsync(db => db.Destinations.SingleAsync(d => d.Id == destinationId));
        Assert.Equal(new DateTimeOffset(2026, 11, 26, 8, 0, 0, TimeSpan.Zero), destination.NextDigestAt);
    }
}
