using Hangfire;
using TradeAlertBot.Jobs;

namespace TradeAlertBot.Deliveries;

/// <summary>
/// Whether jobs wait in the alert queues of this host's job store (all nodes' on shared storage). While they do, an
/// outbox row that has not been claimed yet may simply be waiting its turn, so the sweep does not take it for lost:
/// re-enqueueing every waiting row each minute would grow the backlog faster than the workers drain it.
/// </summary>
public sealed class AlertBacklog(JobStorage storage)
{
    public bool JobsWaiting()
    {
        var monitor = storage.GetMonitoringApi();
        return monitor.EnqueuedCount(JobQueues.Interactive) + monitor.EnqueuedCount(JobQueues.Default) > 0;
    }
}
