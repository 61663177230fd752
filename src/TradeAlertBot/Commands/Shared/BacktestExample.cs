namespace TradeAlertBot.Commands.Shared;

/// <summary>One stored item a backtested rule matched, with the terms (as written in the item) that made it match.</summary>
public sealed record BacktestExample(
    long ItemId,
    string Title,
    string? Link,
    DateTimeOffset? Published,
    DateTimeOffset FetchedAt,
    IReadOnlyList<string> Terms);
