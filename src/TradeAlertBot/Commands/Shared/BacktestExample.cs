using TradeAlertBot.Core.Rules;

namespace TradeAlertBot.Commands.Shared;

/// <summary>
/// One stored item a backtested rule matched, with the terms (as written in the item) that made it match, the hits
/// themselves (offsets into the title or body), and a window of the body around its first hit: <paramref name="Excerpt"/>,
/// starting at body offset <paramref name="ExcerptStart"/>, so the hits can be marked in context.
/// </summary>
public sealed record BacktestExample(
    long ItemId,
    string Title,
    string? Link,
    DateTimeOffset? Published,
    DateTimeOffset FetchedAt,
    IReadOnlyList<string> Terms,
    IReadOnlyList<TermHit> Hits,
    string Excerpt,
    int ExcerptStart);
