namespace TradeAlertBot.Commands.Shared;

/// <summary>
/// What <c>rule test QUERY</c> answers: how many stored items of the last 30 days were scanned, how many the rule
/// would have matched in the last 7 and 30 days, the newest matches, the matches per day (UTC, by fetch time), and how long the scan took. When the time
/// budget stopped the scan, <paramref name="OutOf"/> is how many items the 30 days hold (the counts are partial).
/// </summary>
public sealed record BacktestResult(
    int Scanned,
    int Matched7Days,
    int Matched30Days,
    IReadOnlyList<BacktestExample> Newest,
    IReadOnlyDictionary<DateOnly, int> PerDay,
    TimeSpan Elapsed,
    int? OutOf = null)
{
    public bool Complete => OutOf is null;
}
