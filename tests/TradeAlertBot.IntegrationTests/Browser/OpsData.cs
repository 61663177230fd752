using TradeAlertBot.Storage.Entities;

namespace TradeAlertBot.IntegrationTests.Browser;

/// <summary>What the ops pages' browser specs store before they look: feeds with items, dead deliveries, a paused destination.</summary>
internal static class OpsData
{
    public static Task<long> AddFeedAsync(TradeAlertBotFactory host, string url, string title, int items) => host.WithDbAsync(async db =>
    {
        var now = DateTimeOffset.UtcNow;
        // Not due: the host's poller leaves it alone during the spec.
        var feed = new Feed { Url = url, Title = title, CreatedAt = now, NextPollAt = now.AddDays(1), LastFetchedAt = now.AddMinutes(-5), LastStatus = "200 OK" };
        db.Feeds.Add(feed);
        for (var i = 0; i < items; i++)
        {
            var story = NewStory($"{title} item {i}", now.AddDays(-i));
            db.Items.Add(new StoredItem
            {
                Feed = feed, Story = story, DedupeKey = $"{url}#{i}", ContentHash = $"h{i}", Title = story.Title, Body = "",
                FetchedAt = now.AddDays(-(i % 4)),
            });
        }

        await db.SaveChangesAsync();
        return feed.Id;
    });

    public static Task<long> AddDeliveryAsync(TradeAlertBotFactory host, string title, DeliveryState state, string error) => host.WithDbAsync(async db =>
    {
        // Muted, so a replayed row waits as pending instead of being sent by a sweep during the spec.
        var destination = new Destination { Kind = "test", Address = "C-" + Guid.NewGuid().ToString("n")[..8], Name = "#trade-desk", MutedUntil = DateTimeOffset.UtcNow.AddDays(1) };
        var delivery = new Delivery
        {
            Story = NewStory(title, DateTimeOffset.UtcNow), Destination = destination, RuleName = "new-tariffs", State = state, Attempts = 8,
            LastError = error, CreatedAt = DateTimeOffset.UtcNow,
        };
        db.Deliveries.Add(delivery);
        await db.SaveChangesAsync();
        return delivery.Id;
    });

    public static Task<long> AddDestinationAsync(TradeAlertBotFactory host) => host.WithDbAsync(async db =>
    {
        var destination = new Destination { Kind = "test", Address = "C-TRADE-DESK", Name = "#trade-desk", QuietHours = "22:00-07:00", TimeZone = "Europe/Berlin" };
        destination.Pause("channel_not_found: the channel was archived", DateTimeOffset.UtcNow);
        destination.Subscriptions.Add(new Subscription { RuleName = "new-tariffs", Country = "VN", HsCode = "7208" });
        destination.Subscriptions.Add(new Subscription { RuleName = "sanctions" });
        db.Destinations.Add(destination);
        await db.SaveChangesAsync();
        return destination.Id;
    });

    /// <summary>A rule edit from chat whose query spans lines, so the audit page shows its diff.</summary>
    public static Task AddChatRuleEditAsync(TradeAlertBotFactory host) => host.WithDbAsync(async db =>
    {
        db.AuditLog.Add(new AuditEntry
        {
            At = DateTimeOffset.UtcNow.AddMinutes(-30), Actor = "slack:T0123456/U0456789", Action = AuditAction.RuleEdit, Target = "rule steel-watch v2",
            Before = "steel AND tariff*\nNOT opinion", After = "(steel OR aluminium) AND tariff*\nNOT opinion",
        });
        await db.SaveChangesAsync();
        return 0;
    });

    private static Story NewStory(string title, DateTimeOffset at) => new()
    {
        Fingerprint = "fp-" + Guid.NewGuid().ToString("n"), Title = title, Source = "Trade Wire", Summary = "",
        Categories = ["new-tariffs"], FirstSeenAt = at, LastSeenAt = at,
    };
}
