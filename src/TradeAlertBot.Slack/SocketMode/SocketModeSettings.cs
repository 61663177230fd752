namespace TradeAlertBot.Slack.SocketMode;

/// <summary>Tuning for <see cref="SocketModeClient"/>; the defaults suit production, tests shorten the waits.</summary>
public sealed record SocketModeSettings
{
    /// <summary>First wait after a failed or dropped connection; grows exponentially (with jitter) on each further failure.</summary>
    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest wait between reconnection attempts.</summary>
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Messages larger than this are drained and dropped, so a runaway frame cannot exhaust memory.</summary>
    public int MaxMessageBytes { get; init; } = 1024 * 1024;

    /// <summary>How long the WebSocket handshake may take before the attempt counts as failed.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Ping interval and pong deadline: a half-open connection (laptop sleep, NAT drop) is noticed within
    /// twice this instead of hanging until the OS gives up.
    /// </summary>
    public TimeSpan KeepAlive { get; init; } = TimeSpan.FromSeconds(30);
}
