using TradeAlertBot.Storage.Entities;

namespace TradeAlertBot.IntegrationTests.Specs;

/// <summary>Stored news for the console's overview and rule pages: stories filed under rules, and the items behind them.</summary>
internal static class ConsoleSeed
{
    /// <summary>A story first seen <paramref name="daysAgo"/> days ago with one stored item (title and body as given).</summary>
    public static Task<long> AddStoryAsync(
        TradeAlertBotFactory host, string title, string body, double daysAgo, params string[] categories) => host.WithDbAsync(async db =>
    {
        var at = DateTimeOffset.UtcNow.AddDays(-daysAgo);
        var feed = db.Feeds.Local.FirstOrDefault() ?? db.Feeds.FirstOrDefault()
            ?? new Feed { Url = "http://127.0.0.1:9/console-seed.xml", CreatedAt = at, NextPollAt = DateTimeOffset.MaxValue.AddYears(-1) };
        var story = new Story
        {
            Fingerprint = $"fp-{Guid.NewGuid():n}", Title = title, Link = "https://news.example.org/" + Uri.EscapeDataString(title),
            Source = "Trade Wire", Summary = body, Categories = [.. categories], FirstSeenAt = at, LastSeenAt = at,
        };
        db.Items.Add(new StoredItem
        {
            Feed = feed, Story = story, DedupeKey = story.Fingerprint, ContentHash = story.Fingerprint, Link = story.Link,
            Title = title, Body = body, FetchedAt = at,
        });
        await db.SaveChangesAsync();
        return story.Id;
    });

    /// <summary>A sent delivery of <paramref name="storyId"/> that waited <paramref name="wait"/> in the outbox.</summary>
    public static Task AddSentAsync(TradeAlertBotFactory host, long storyId, string destination, TimeSpan wait) => host.WithDbAsync(async db =>
    {
        var sentAt = DateTimeOffset.UtcNow.AddMinutes(-5);
        var to = db.Destinations.FirstOrDefault(d => d.Kind == "test" && d.Address == destination)
            ?? new Destination { Kind = "test", Address = destination, Name = destination };
        db.Deliveries.Add(new Delivery
        {
            StoryId = storyId, Destination = to,
            RuleName = "new-tariffs", State = DeliveryState.Sent, CreatedAt = sentAt - wait, SentAt = sentAt, Attempts = 1,
        });
        await db.SaveChangesAsync();
        return 0;
    });
}
