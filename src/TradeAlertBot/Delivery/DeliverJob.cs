using Hangfire;
using Microsoft.EntityFrameworkCore;
using TradeAlertBot.Deliveries.Threads;
using TradeAlertBot.Jobs;
using TradeAlertBot.Storage;
using TradeAlertBot.Storage.Entities;

namespace TradeAlertBot.Deliveries;

/// <summary>
/// Sends one outbox row, exactly once: claim it (pending → sending), hand it to <see cref="AlertPoster"/>, record.
/// The claim means a retried, swept or duplicated job never posts a sent alert again and two workers never send one
/// row at once. A row found still "sending" or "failed" was interrupted: it is looked up before it is posted again.
/// Holds, the rate limit and platform push-back reschedule the row instead of blocking a worker; nothing is dropped.
/// </summary>
[AutomaticRetry(Attempts = 0)] // retries are scheduled here, with backoff, and counted on the row
// No [DisableConcurrentExecution]: it would serialize every delivery; the row's claim keeps one row to one worker.
public sealed class DeliverJob(TradeAlertDbContext db, AlertPoster poster, IBackgroundJobClient jobs, TimeProvider time, ILogger<DeliverJob> logger)
{
    /// <summary>How long a worker may hold a delivery; a crashed worker's claim expires and the sweep retries it.</summary>
    public static readonly TimeSpan Claim = TimeSpan.FromMinutes(2);

    /// <summary>How long a paused destination waits before one send is tried again (someone may have fixed it).</summary>
    public static readonly TimeSpan PauseProbe = TimeSpan.FromHours(1);

    /// <summary>A held row's claim runs until its time; its job is scheduled a little later so the claim has expired.</summary>
    public static readonly TimeSpan ClaimMargin = TimeSpan.FromSeconds(1);

    public async Task RunAsync(long deliveryId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        // "sending" (crashed mid-send) or "failed" (e.g. a timeout) may have reached the platform: uncertain.
        var uncertain = await db.Deliveries.Where(d => d.Id == deliveryId)
            .Select(d => d.State == DeliveryState.Sending || d.State == DeliveryState.Failed).FirstOrDefaultAsync(ct);
        var claimed = await db.Deliveries
            .Where(d => d.Id == deliveryId && d.State != DeliveryState.Dead && (d.ClaimedUntil == null || d.ClaimedUntil < now))
            .Where(d => d.HeldFor == null) // a held row is HeldAlertsJob's until it is sent
            .ExecuteUpdateAsync(s => s
                .SetProperty(d => d.ClaimedUntil, now + Claim)
                .SetProperty(d => d.State, d => d.State == DeliveryState.Sent ? DeliveryState.Sent : DeliveryState.Sending), ct);
        if (claimed == 0)
        {
            return; // another worker has it, it is held, or it is dead-lettered
        }

        var delivery = await db.Deliveries.Include(d => d.Story).Include(d => d.Destination).FirstAsync(d => d.Id == deliveryId, ct);
        try
        {
            await DeliverAsync(delivery, uncertain, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            RunAgain(delivery, await poster.RecordFailureAsync(delivery.Destination!, [delivery], e, ct));
        }
        finally
        {
            if (delivery.ClaimedUntil == now + Claim)
            {
                delivery.ClaimedUntil = null; // released; a hold or a scheduled retry keeps its later time
            }

            await db.SaveChangesAsync(CancellationToken.None);
        }
    }

    private async Task DeliverAsync(Delivery delivery, bool interrupted, CancellationToken ct)
    {
        var destination = delivery.Destination!;
        var now = time.GetUtcNow();
        if (destination.Paused && !(destination.PausedAt is { } pausedAt && now - pausedAt >= PauseProbe))
        {
            AlertPoster.BackToPending(delivery);
            DeliveryLog.HeldForPause(logger, delivery.Id, destination.Id);
            return;
        }

        if (delivery.State == DeliveryState.Sent)
        {
            // The story gained outlets or its action changed since it was shown: the posted alert is edited, not posted
            // again; the action's news follows in its thread.
            if (AlertPoster.UpdateDue(delivery) && await SlotAsync(delivery, ct))
            {
                await poster.UpdateAsync(destination, delivery, ct);
                jobs.Enqueue<ThreadReplyJob>(job => job.RunAsync(delivery.Id, CancellationToken.None));
            }

            return;
        }

        if ((await poster.HoldAsync(delivery, now, ct)).Done)
        {
            return;
        }

        if (interrupted && await poster.LookUpAsync(destination, delivery, ct) is { Done: true } lookup)
        {
            RunAgain(delivery, lookup.RunAgainIn);
            await FirstSentAsync(delivery, ct);
            return;
        }

        // The rate-limit slot is taken last, just before posting, so the spacing holds where the platform sees it.
        if (await SlotAsync(delivery, ct))
        {
            RunAgain(delivery, await poster.PostAsync(destination, [delivery], ct));
            await FirstSentAsync(delivery, ct);
        }
    }

    // A newly sent alert gets its reminders, and any thread news that waited for its message id goes now.
    private async Task FirstSentAsync(Delivery delivery, CancellationToken ct)
    {
        if (delivery.State != DeliveryState.Sent || delivery.MessageId is null)
        {
            return;
        }

        await ReminderPlanner.PlanAsync(db, delivery.Destination!, [delivery], time.GetUtcNow(), ct);
        if (await db.ThreadReplies.AnyAsync(r => r.DeliveryId == delivery.Id && !r.IsReminder && r.State == DeliveryState.Pending, ct))
        {
            jobs.Enqueue<ThreadReplyJob>(job => job.RunAsync(delivery.Id, CancellationToken.None));
        }
    }

    // Post now (holding the slot), or come back when it frees, ahead of bulk work: its turn under the limit has come.
    private async Task<bool> SlotAsync(Delivery delivery, CancellationToken ct)
    {
        if (await poster.TakeSlotAsync(delivery.Destination!, delivery, ct) is not { } wait)
        {
            return true;
        }

        jobs.Schedule<DeliverJob>(JobQueues.Interactive, job => job.RunAsync(delivery.Id, CancellationToken.None), wait);
        return false;
    }

    // A retry time the outcome stored on the row: this process runs it then (the sweep would, after a restart).
    private void RunAgain(Delivery delivery, TimeSpan? wait)
    {
        if (wait is { } due)
        {
            jobs.Schedule<DeliverJob>(job => job.RunAsync(delivery.Id, CancellationToken.None), due + ClaimMargin);
        }
    }
}
