using Microsoft.EntityFrameworkCore;
using TradeAlertBot.Storage.Entities;

namespace TradeAlertBot.IntegrationTests.Specs;

/// <summary>Arranges the database the way an operator would: feeds, and a destination with subscriptions.</summary>
internal static class Scenario
{
    /// <summary>Adds a feed; <paramref name="due"/> false keeps the host's own dispatcher away (the test polls it).</summary>
    public static Task<long> AddFeedAsync(TradeAlertBotFactory host, Uri url, bool due = true) => host.WithDbAsync(async db =>
    {
        var next = due ? DateTimeOffset.UnixEpoch : DateTimeOffset.MaxValue.AddYears(-1);
        var feed = new Feed { Url = url.AbsoluteUri, CreatedAt = DateTimeOffset.UnixEpoch, NextPollAt = next };
        db.Feeds.Add(feed);
        await db.SaveChangesAsync();
        return feed.Id;
    });

    public static Task<long> AddTestDestinationAsync(TradeAlertBotFactory host, string address, params string[] rules) =>
        host.WithDbAsync(async db =>
        {
            var destination = new Destination
            {
                Kind = "test",
                Address = address,
                Subscriptions = [.. rules.Select(r => new Subscription { RuleName = r })],
            };
            db.Destinations.Add(destination);
            await db.SaveChangesAsync();
            return destination.Id;
        });

    /// <summary>Makes every feed due now, as if its interval had passed.</summary>
    public static Task MakeFeedsDueAsync(TradeAlertBotFactory host) => host.WithDbAsync(db =>
        db.Feeds.ExecuteUpdateAsync(s => s.SetProperty(f => f.NextPollAt, DateTimeOffset.UnixEpoch)));

    public static Task<Feed> FeedAsync(TradeAlertBotFactory host, long id) =>
        host.WithDbAsync(db => db.Feeds.AsNoTracking().SingleAsync(f => f.Id == id));
}
