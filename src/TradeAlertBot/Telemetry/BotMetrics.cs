using System.Diagnostics.Metrics;
using TradeAlertBot.Storage.Entities;

namespace TradeAlertBot.Telemetry;

/// <summary>
/// The service's metrics on one <see cref="Meter"/> named <see cref="MeterName"/>, one small method per event. Tag
/// values are fixed words (an outcome, an error kind, a destination kind, a rule name), never addresses, tokens or
/// error messages: they end up in a monitoring system that is read more widely than the database.
/// </summary>
public sealed class BotMetrics
{
    public const string MeterName = "TradeAlertBot";

    // Story first seen → posted spans seconds (a direct post) to a day (a daily digest).
    private static readonly double[] LatencyBuckets = [1, 5, 15, 30, 60, 120, 300, 600, 1800, 3600, 7200, 21600, 86400];

    private readonly Counter<long> _fetches;
    private readonly Counter<long> _itemsStored;
    private readonly Counter<long> _categoryMatches;
    private readonly Counter<long> _deliveries;
    private readonly Histogram<double> _deliveryLatency;
    private volatile TelemetrySnapshot _snapshot = TelemetrySnapshot.Empty;

    public BotMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _fetches = meter.CreateCounter<long>("tradealertbot.feed.fetches", "{fetch}",
            "Feed polls by outcome: ok, not_modified, or the error kind.");
        _itemsStored = meter.CreateCounter<long>("tradealertbot.items.stored", "{item}",
            "New feed items stored (after per-feed dedupe).");
        _categoryMatches = meter.CreateCounter<long>("tradealertbot.items.category_matches", "{match}",
            "New items matching each category rule (an item may match several).");
        _deliveries = meter.CreateCounter<long>("tradealertbot.deliveries", "{delivery}",
            "Delivery attempts by destination kind, outcome (sent, failed, held) and reason.");
        _deliveryLatency = meter.CreateHistogram<double>("tradealertbot.delivery.latency", "s",
            "From a story's first sighting to its alert being posted.",
            tags: null, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = LatencyBuckets });

        meter.CreateObservableGauge("tradealertbot.deliveries.rows", ObserveDeliveryRows, "{delivery}",
            "Outbox rows by state (refreshed from the database every 15 s).");
        meter.CreateObservableGauge("tradealertbot.destinations.paused", () => _snapshot.PausedDestinations, "{destination}",
            "Destinations paused because their platform refused alerts.");
        meter.CreateObservableGauge("tradealertbot.slack.workspaces.broken", () => _snapshot.BrokenSlackWorkspaces, "{workspace}",
            "Slack workspaces whose bot token Slack refused.");
        meter.CreateObservableGauge("tradealertbot.feeds.failing", () => _snapshot.FailingFeeds, "{feed}",
            "Enabled feeds whose last poll failed.");
        meter.CreateObservableGauge("tradealertbot.jobs.enqueued", () => _snapshot.EnqueuedJobs, "{job}",
            "Hangfire jobs waiting in queues.");
    }

    /// <summary>A poll fetched and stored a feed's body.</summary>
    public void FeedFetched() => _fetches.Add(1, new KeyValuePair<string, object?>("outcome", "ok"));

    /// <summary>A poll's conditional GET answered 304.</summary>
    public void FeedNotModified() => _fetches.Add(1, new KeyValuePair<string, object?>("outcome", "not_modified"));

    /// <summary>A poll failed; <paramref name="kind"/> is a snake_case error kind (network, timeout, unparseable, …).</summary>
    public void FeedFailed(string kind) => _fetches.Add(1, new KeyValuePair<string, object?>("outcome", kind));

    /// <summary>A batch of new items was stored.</summary>
    public void ItemsStored(int count) => _itemsStored.Add(count);

    /// <summary>A stored item matched the category rule <paramref name="category"/>.</summary>
    public void CategoryMatched(string category) => _categoryMatches.Add(1, new KeyValuePair<string, object?>("category", category));

    /// <summary>An alert (or update) was posted to a destination of <paramref name="kind"/>, <paramref name="latency"/> after its story was first seen.</summary>
    public void DeliverySent(string kind, TimeSpan latency)
    {
        _deliveries.Add(1, new("kind", kind), new("outcome", "sent"), new("reason", "none"));
        _deliveryLatency.Record(latency.TotalSeconds, new KeyValuePair<string, object?>("kind", kind));
    }

    /// <summary>A send failed; <paramref name="reason"/> is a fixed word (e.g. error, destination_unavailable), not an error message.</summary>
    public void DeliveryFailed(string kind, string reason) =>
        _deliveries.Add(1, new("kind", kind), new("outcome", "failed"), new("reason", reason));

    /// <summary>A send was put off: <paramref name="reason"/> rate_limited, paused, muted or digest.</summary>
    public void DeliveryHeld(string kind, string reason) =>
        _deliveries.Add(1, new("kind", kind), new("outcome", "held"), new("reason", reason));

    /// <summary>Replaces the database counts the gauges report.</summary>
    internal void Publish(TelemetrySnapshot snapshot) => _snapshot = snapshot;

    private IEnumerable<Measurement<long>> ObserveDeliveryRows()
    {
        var snapshot = _snapshot;
        foreach (var state in Enum.GetValues<DeliveryState>())
        {
            yield return new Measurement<long>(snapshot.DeliveriesByState.GetValueOrDefault(state),
                new KeyValuePair<string, object?>("state", StateTag(state)));
        }
    }

    private static string StateTag(DeliveryState state) => state switch
    {
        DeliveryState.Pending => "pending",
        DeliveryState.Sending => "sending",
        DeliveryState.Sent => "sent",
        DeliveryState.Failed => "failed",
        DeliveryState.Dead => "dead",
        _ => "other",
    };
}
