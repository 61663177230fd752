namespace TradeAlertBot.Slack.SocketMode;

/// <summary>Capped exponential backoff: initial, 2×, 4×, … up to max; <see cref="Reset"/> after a connection succeeds.</summary>
internal sealed class Backoff(TimeSpan initial, TimeSpan max)
{
    private int _failures;

    public TimeSpan Next()
    {
        var delay = initial * Math.Pow(2, Math.Min(_failures, 30));
        _failures++;
        return delay < max ? delay : max;
    }

    public void Reset() => _failures = 0;
}
