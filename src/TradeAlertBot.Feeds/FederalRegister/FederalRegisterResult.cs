using TradeAlertBot.Feeds.Fetching;
using TradeAlertBot.Feeds.Parsing;

namespace TradeAlertBot.Feeds.FederalRegister;

/// <summary>
/// A Federal Register source read: its documents and those on public inspection, as items (already parsed), with
/// the first search page's validators to send next time (a 304 there leaves only public inspection to read).
/// </summary>
public sealed record FederalRegisterResult(
    ParsedFeed Feed,
    string? ETag,
    string? LastModified,
    Uri FinalUrl,
    TimeSpan? MaxAge)
    : FetchResult.Fresh(FinalUrl, null, MaxAge, ETag, LastModified);
