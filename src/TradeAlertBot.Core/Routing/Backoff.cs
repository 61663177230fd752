namespace TradeAlertBot.Core.Routing;

/// <summary>
/// Exponential backoff with jitter, so many retries that failed together (one platform or host down) do not
/// come back in step. Used by the delivery retry and the feed poll schedule.
/// </summary>
public static class Backoff
{
    // 2^30 already exceeds any cap in use; the clamp keeps the power finite.
    private const int MaxDoublings = 30;

    /// <param name="first">The delay after the first failure.</param>
    /// <param name="attempt">The failure count (1 for the first).</param>
    /// <param name="cap">The longest delay, applied before the jitter.</param>
    /// <param name="jitter">A value in [0, 1) (random in production, fixed in tests); spreads the delay ±25%.</param>
    public static TimeSpan Exponential(TimeSpan first, int attempt, TimeSpan cap, double jitter)
    {
        var exponential = first.TotalSeconds * Math.Pow(2, Math.Clamp(attempt - 1, 0, MaxDoublings));
        var capped = Math.Min(exponential, cap.TotalSeconds);
        return TimeSpan.FromSeconds(capped * (0.75 + jitter * 0.5));
    }
}
