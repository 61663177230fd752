namespace TradeAlertBot.Outbox;

/// <summary>Exponential backoff with jitter for transient send failures, so retries of many alerts do not move in step.</summary>
public static class RetryPolicy
{
    /// <param name="attempt">The attempt that just failed (1 for the first).</param>
    /// <param name="jitter">A value in [0, 1) (random in production, fixed in tests).</param>
    public static TimeSpan Delay(int attempt, double jitter, DeliveryOptions options)
    {
        var exponential = options.RetryDelay.TotalSeconds * Math.Pow(2, Math.Clamp(attempt - 1, 0, 30));
        var capped = Math.Min(exponential, options.MaxRetryDelay.TotalSeconds);
        return TimeSpan.FromSeconds(capped * (0.75 + jitter * 0.5));
    }
}
