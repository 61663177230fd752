using TradeAlertBot.Storage.Entities;

namespace TradeAlertBot.Telemetry;

/// <summary>Counts read from the database (and Hangfire) for the gauges; replaced whole on each refresh.</summary>
public sealed record TelemetrySnapshot(
    IReadOnlyDictionary<DeliveryState, long> DeliveriesByState,
    long PausedDestinations,
    long BrokenSlackWorkspaces,
    long FailingFeeds,
    long EnqueuedJobs)
{
    public static TelemetrySnapshot Empty { get; } = new(new Dictionary<DeliveryState, long>(), 0, 0, 0, 0);
}
