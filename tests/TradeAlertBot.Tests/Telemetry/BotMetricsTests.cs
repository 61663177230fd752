using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using TradeAlertBot.Storage.Entities;
using TradeAlertBot.Telemetry;

namespace TradeAlertBot.Tests.Telemetry;

public sealed class BotMetricsTests : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().AddSingleton<BotMetrics>().BuildServiceProvider();
    private readonly MeterListener _listener = new();
    private readonly List<(string Instrument, double Value, Dictionary<string, object?> Tags)> _measured = [];

    public BotMetricsTests()
    {
        var factory = _services.GetRequiredService<IMeterFactory>();
        // Only this test's meter: other tests in the process create meters of the same name.
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Scope == factory)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.Start();
    }

    public void Dispose()
    {
        _listener.Dispose();
        _services.Dispose();
    }

    private BotMetrics Metrics => _services.GetRequiredService<BotMetrics>();

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags) =>
        _measured.Add((instrument.Name, value, new Dictionary<string, object?>(tags.ToArray())));

    [Fact]
    public void A_sent_delivery_counts_by_kind_and_records_its_latency_in_seconds()
    {
        Metrics.DeliverySent("slack", TimeSpan.FromMinutes(2));

        var count = Assert.Single(_measured, m => m.Instrument == "tradealertbot.deliveries");
        Assert.Equal(1, count.Value);
        Assert.Equal("slack", count.Tags["kind"]);
        Assert.Equal("sent", count.Tags["outcome"]);
        var latency = Assert.Single(_measured, m => m.Instrument == "tradealertbot.delivery.latency");
        Assert.Equal(120, latency.Value);
        Assert.Equal("slack", latency.Tags["kind"]);
    }

    [Theory]
    [InlineData("held", "rate_limited")]
    [InlineData("failed", "destination_unavailable")]
    public void Held_and_failed_deliveries_count_with_their_reason(string outcome, string reason)
    {
        if (outcome == "held")
        {
            Metrics.DeliveryHeld("teams", reason);
        }
        else
        {
            Metrics.DeliveryFailed("teams", reason);
        }

        var count = Assert.Single(_measured);
        Assert.Equal(("teams", outcome, reason), ((string?)count.Tags["kind"], (string?)count.Tags["outcome"], (string?)count.Tags["reason"]));
    }

    [Fact]
    public void Gauges_report_the_last_published_snapshot_with_every_delivery_state()
    {
        Metrics.Publish(new TelemetrySnapshot(new Dictionary<DeliveryState, long> { [DeliveryState.Pending] = 4 }, 1, 2, 3, 5));

        _listener.RecordObservableInstruments();

        var rows = _measured.Where(m => m.Instrument == "tradealertbot.deliveries.rows").ToList();
        Assert.Equal(Enum.GetValues<DeliveryState>().Length, rows.Count);
        Assert.Equal(4, rows.Single(r => (string?)r.Tags["state"] == "pending").Value);
        Assert.Equal(0, rows.Single(r => (string?)r.Tags["state"] == "dead").Value);
        Assert.Equal(1, _measured.Single(m => m.Instrument == "tradealertbot.destinations.paused").Value);
        Assert.Equal(2, _measured.Single(m => m.Instrument == "tradealertbot.slack.workspaces.broken").Value);
        Assert.Equal(3, _measured.Single(m => m.Instrument == "tradealertbot.feeds.failing").Value);
        Assert.Equal(5, _measured.Single(m => m.Instrument == "tradealertbot.jobs.enqueued").Value);
    }
}
