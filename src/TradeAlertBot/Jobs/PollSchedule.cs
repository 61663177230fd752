using TradeAlertBot.Core.Routing;

namespace TradeAlertBot.Jobs;

/// <summary>
/// When a feed is polled next. Success: its interval, stretched to what the publisher asks (RSS ttl,
/// Cache-Control max-age, Retry-After), capped at a day. Failure: exponential backoff (<see cref="Backoff"/>) from the interval,
/// capped at a day — a failing feed is never given up for good, it keeps being retried daily.
/// </summary>
public static class PollSchedule
{
    public static readonly TimeSpan MaxDelay = TimeSpan.FromDays(1);

    public static TimeSpan AfterSuccess(TimeSpan interval, params TimeSpan?[] publisherHints)
    {
        var delay = interval;
        foreach (var hint in publisherHints)
        {
            if (hint is { } h && h > delay)
            {
                delay = h;
            }
        }

        return delay > MaxDelay ? MaxDelay : delay;
    }

    /// <summary>Backoff after <paramref name="consecutiveErrors"/> failures (1 = first failure); <paramref name="jitter"/> in [0, 1).</summary>
    public static TimeSpan AfterError(TimeSpan interval, int consecutiveErrors, double jitter, TimeSpan? retryAfter = null)
    {
        // ±25% so feeds that failed together (one host down) don't all retry in the same second.
        var delay = Backoff.Exponential(interval, consecutiveErrors, MaxDelay, jitter);
        if (retryAfter is { } wait && wait > delay)
        {
            delay = wait;
        }

        return delay > MaxDelay ? MaxDelay : delay;
    }
}
