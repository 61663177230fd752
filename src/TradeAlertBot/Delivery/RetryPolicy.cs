using TradeAlertBot.Core.Routing;

namespace TradeAlertBot.Deliveries;

/// <summary>The delivery retry after a transient send failure: <see cref="Backoff"/> over Delivery:RetryDelay and MaxRetryDelay.</summary>
public static class RetryPolicy
{
    /// <param name="attempt">The attempt that just failed (1 for the first).</param>
    /// <param name="jitter">A value in [0, 1) (random in production, fixed in tests).</param>
    public static TimeSpan Delay(int attempt, double jitter, DeliveryOptions options) =>
        Backoff.Exponential(options.RetryDelay, attempt, options.MaxRetryDelay, jitter);
}
