using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TradeAlertBot.Storage;
using TradeAlertBot.Storage.Queries;

namespace TradeAlertBot.Deliveries;

/// <summary>
/// Recurring, and once at start-up: gives every unsent, unheld outbox row whose job was lost a Deliver job again. A
/// job store in memory is empty after a restart, so no row has one: the host's first sweep takes every unsent row,
/// due at once or at the retry time stored with it (<see cref="DeliverySweepStart"/>). Later sweeps take rows whose
/// stored retry time (or a dead worker's claim) has passed, and rows never claimed <see cref="OrphanAge"/> after they
/// were made — those only while no alert job waits in the queues (<see cref="AlertBacklog"/>): in a backlog an
/// unclaimed row is most likely waiting its turn. A row that still has a job is harmless to enqueue twice: its claim
/// lets one worker send it.
/// </summary>
[AutomaticRetry(Attempts = 0)] // the next minute's run is the retry
[DisableConcurrentExecution(timeoutInSeconds: 60)]
public sealed class DeliverySweepJob(
    TradeAlertDbContext db,
    IBackgroundJobClient jobs,
    IOptions<DeliveryOptions> options,
    DeliverySweepStart start,
    AlertBacklog backlog,
    TimeProvider time,
    ILogger<DeliverySweepJob> logger)
{
    /// <summary>The recurring job's id.</summary>
    public const string RecurringId = "sweep-deliveries";

    /// <summary>Pending deliveries older than this are assumed orphaned (their job was lost) and re-enqueued.</summary>
    public static readonly TimeSpan OrphanAge = TimeSpan.FromMinutes(2);

    public async Task RunAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var unsent = db.Deliveries.Unsent(options.Value.MaxAttempts).Where(d => d.HeldFor == null);
        var rows = start.TryTakeFirstSweep()
            ? unsent
            : (backlog.JobsWaiting() ? unsent.ClaimLapsed(now) : unsent.Orphaned(now, OrphanAge))
                .Where(d => !d.Destination!.Paused || d.Destination.PausedAt < now - DeliverJob.PauseProbe);
        var due = await rows.Select(d => new { d.Id, d.ClaimedUntil }).ToListAsync(ct);
        foreach (var row in due)
        {
            var deliveryId = row.Id;
            if (row.ClaimedUntil is { } at && at > now)
            {
                jobs.Schedule<DeliverJob>(job => job.RunAsync(deliveryId, CancellationToken.None), at - now + DeliverJob.ClaimMargin);
            }
            else
            {
                jobs.Enqueue<DeliverJob>(job => job.RunAsync(deliveryId, CancellationToken.None));
            }
        }

        if (due.Count > 0)
        {
            DeliveryLog.Swept(logger, due.Count);
        }
    }
}
