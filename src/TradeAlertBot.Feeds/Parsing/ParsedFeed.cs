using TradeAlertBot.Core.Items;

namespace TradeAlertBot.Feeds.Parsing;

/// <summary>A parsed feed: its title and its items in document order (duplicates and empty items included).</summary>
public sealed record ParsedFeed(string? Title, IReadOnlyList<FeedItem> Items)
{
    /// <summary>The RSS <c>ttl</c> (how long the publisher asks readers to cache the feed), when given.</summary>
    public TimeSpan? Ttl { get; init; }

    /// <summary>What the parser had to repair to read the document (feedparser's "bozo" notes), for feed health.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}
