using TradeAlertBot.Core.Alerts;
using TradeAlertBot.Storage;
using TradeAlertBot.Storage.Entities;

namespace TradeAlertBot.IntegrationTests.Browser;

/// <summary>Stories written straight to the database, each reported by the given outlets (one feed and item each).</summary>
internal static class StorySeed
{
    public static async Task<Story> AddAsync(
        TradeAlertDbContext db, string title, string category, string? country = null, string? effective = null,
        string summary = "", params string[] outlets)
    {
        var facts = new List<AlertFact>();
        if (country is not null)
        {
            facts.Add(new AlertFact("Countries", country));
        }

        if (effective is not null)
        {
            facts.Add(new AlertFact("Effective", effective));
        }

        var now = DateTimeOffset.UtcNow;
        var story = new Story
        {
            Fingerprint = Guid.NewGuid().ToString("n"),
            Title = title,
            Link = "https://news.example/" + Guid.NewGuid().ToString("n"),
            Source = outlets.FirstOrDefault() ?? "Example News",
            Summary = summary,
            FirstSeenAt = now,
            LastSeenAt = now,
            OutletCount = Math.Max(1, outlets.Length),
            Categories = [category],
            Countries = country is null ? [] : [country],
            Content = new AlertContent([new AlertReason(category, ["tariff"])], facts),
        };
        db.Stories.Add(story);
        foreach (var outlet in outlets)
        {
            var feed = new Feed { Url = $"https://{Guid.NewGuid():n}.example/rss", Title = outlet, CreatedAt = now, NextPollAt = now };
            db.Feeds.Add(feed);
            db.Items.Add(new StoredItem
            {
                Feed = feed,
                Story = story,
                DedupeKey = Guid.NewGuid().ToString("n"),
                ContentHash = Guid.NewGuid().ToString("n"),
                Link = $"https://{outlet.Replace(' ', '-').ToLowerInvariant()}.example/story",
                Title = title,
                Body = summary,
                FetchedAt = now,
            });
        }

        await db.SaveChangesAsync();
        return story;
    }

    public static Alert AlertFor(long storyId, string title, string category, string? country = null) => new(
        storyId, title, "https://news.example/live", "Live Wire", DateTimeOffset.UtcNow, "",
        [new AlertReason(category, ["tariff"])], country is null ? [] : [new AlertFact("Countries", country)], 1);
}
