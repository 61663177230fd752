using System.ComponentModel.DataAnnotations;
using TradeAlertBot.Core.Alerts;

namespace TradeAlertBot.Deliveries;

/// <summary>Settings section "Delivery": retries, storm coalescing and per-platform send rates; checked at start-up.</summary>
public sealed class DeliveryOptions
{
    public const string SectionName = "Delivery";

    /// <summary>Send attempts before a delivery is dead-lettered (kept for <c>deliveries replay</c>).</summary>
    [Range(1, 100, ErrorMessage = "Delivery:MaxAttempts must be between {1} and {2}")]
    public int MaxAttempts { get; set; } = 8;

    /// <summary>First retry delay; doubled per attempt (with ±25% jitter) up to <see cref="MaxRetryDelay"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "1.00:00:00", ErrorMessage = "Delivery:RetryDelay must be between {1} and {2}")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(10);

    [Range(typeof(TimeSpan), "00:00:00.100", "7.00:00:00", ErrorMessage = "Delivery:MaxRetryDelay must be between {1} and {2}")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>More alerts than this to one destination within <see cref="StormWindow"/> and the rest are bundled.</summary>
    [Range(1, 100_000, ErrorMessage = "Delivery:StormThreshold must be between {1} and {2}")]
    public int StormThreshold { get; set; } = 10;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00", ErrorMessage = "Delivery:StormWindow must be between {1} and {2}")]
    public TimeSpan StormWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Least time between two messages to one destination, per kind (Slack: about one per second per channel;
    /// Teams: a conversation takes a few per second but throttles bursts). Kinds not listed are not limited.
    /// </summary>
    public Dictionary<string, TimeSpan> MinInterval { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        [DestinationKind.Slack] = TimeSpan.FromSeconds(1),
        [DestinationKind.Teams] = TimeSpan.FromSeconds(1),
        [DestinationKind.TeamsWebhook] = TimeSpan.FromSeconds(1),
    };
}
