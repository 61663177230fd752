namespace TradeAlertBot.Feeds.Fetching;

/// <summary>A feed to fetch, with the validators stored from the last fetch (sent back exactly as received).</summary>
public sealed record FeedRequest(Uri Url, string? ETag = null, string? LastModified = null);
