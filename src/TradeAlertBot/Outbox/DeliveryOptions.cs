namespace TradeAlertBot.Outbox;

/// <summary>Settings section "Delivery": retries, storm coalescing and per-platform send rates.</summary>
public sealed class DeliveryOptions
{
    public const string SectionName = "Delivery";

    /// <summary>Send attempts before a delivery is dead-lettered (kept for <c>deliveries replay</c>).</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>First retry delay; doubled per attempt (with ±25% jitter) up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(10);
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>More alerts than this to one destination within <see cref="StormWindow"/> and the rest are bundled.</summary>
    public int StormThreshold { get; set; } = 10;
    public TimeSpan StormWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Least time between two messages to one destination, per kind (Slack: about one per second per channel;
    /// Teams: a conversation takes a few per second but throttles bursts). Kinds not listed are not limited.
    /// </summary>
    public Dictionary<string, TimeSpan> MinInterval { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["slack"] = TimeSpan.FromSeconds(1),
        ["teams"] = TimeSpan.FromSeconds(1),
        ["teams-webhook"] = TimeSpan.FromSeconds(1),
    };
}
