using Hangfire;
using Microsoft.EntityFrameworkCore;
using TradeAlertBot.Storage;

namespace TradeAlertBot.Telemetry;

/// <summary>
/// Reads the counts behind the gauges every 15 s, so a scrape never queries the database (scrapes may come from
/// several collectors, and an unreachable database must not make /metrics hang).
/// </summary>
public sealed class TelemetryRefresher(
    IServiceScopeFactory scopes, BotMetrics metrics, JobStorage jobStorage, TimeProvider time, ILogger<TelemetryRefresher> logger)
    : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(15);

    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            try
            {
                await RefreshAsync(ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The gauges keep their last values; /healthz reports the database itself.
                logger.LogWarning(e, "telemetry: refreshing the gauges failed");
            }
        }
        while (await timer.WaitForNextTickAsync(ct));
    }

    public async Task RefreshAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TradeAlertDbContext>();
        var byState = await db.Deliveries.GroupBy(d => d.State)
            .Select(g => new { State = g.Key, Count = g.LongCount() })
            .ToDictionaryAsync(g => g.State, g => g.Count, ct);
        var paused = await db.Destinations.LongCountAsync(d => d.Paused, ct);
        var broken = await db.SlackWorkspaces.LongCountAsync(w => w.BrokenReason != null, ct);
        var failing = await db.Feeds.LongCountAsync(f => f.Enabled && f.ConsecutiveErrors > 0, ct);
        // One read of the storage's counters (the in-memory storage keeps them; SQL storages run one small query).
        var enqueued = jobStorage.GetMonitoringApi().GetStatistics().Enqueued;
        metrics.Publish(new TelemetrySnapshot(byState, paused, broken, failing, enqueued));
    }
}
