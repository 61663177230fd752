using System.Linq.Expressions;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TradeAlertBot.Core.Alerts;
using TradeAlertBot.Jobs;
using TradeAlertBot.Storage;
using TradeAlertBot.Storage.Entities;

namespace TradeAlertBot.Deliveries.Threads;

/// <summary>
/// Sends due thread messages (<see cref="ThreadReply"/>: an action's news, reminders) into their alerts' threads,
/// exactly once per row as <see cref="DeliverJob"/> sends alerts: a row is claimed (pending → sending) before it is
/// posted, so a second worker, a repeated run or another node skips it; it waits until its alert has a message id;
/// the destination's rate limit paces it; a failure retries at a time stored on the row (backoff, Retry-After). The
/// recurring run (every minute, and so after a restart) takes every due row; an alert's update enqueues a run for its
/// own rows, so news follows the edit without waiting for the minute.
/// </summary>
[AutomaticRetry(Attempts = 0)] // retries are times stored on the rows, taken by the next run
public sealed class ThreadReplyJob(
    TradeAlertDbContext db,
    AlertSenders senders,
    DestinationPacer pacer,
    IBackgroundJobClient jobs,
    IOptions<DeliveryOptions> options,
    TimeProvider time,
    ILogger<ThreadReplyJob> logger)
{
    /// <summary>The recurring job's id.</summary>
    public const string RecurringId = "send-thread-replies";

    // Rows sent per run at most; the rest wait for the next minute.
    private const int Batch = 200;

    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    public async Task RunAsync(CancellationToken ct)
    {
        var ids = await db.ThreadReplies.Where(Due(time.GetUtcNow())).OrderBy(r => r.DueAt).ThenBy(r => r.Id).Select(r => r.Id).Take(Batch).ToListAsync(ct);
        foreach (var id in ids)
        {
            await SendAsync(id, ct);
        }
    }

    /// <summary>The due rows of one alert (after it was updated or first sent).</summary>
    public async Task RunAsync(long deliveryId, CancellationToken ct)
    {
        var ids = await db.ThreadReplies.Where(r => r.DeliveryId == deliveryId).Where(Due(time.GetUtcNow()))
            .OrderBy(r => r.DueAt).ThenBy(r => r.Id).Select(r => r.Id).ToListAsync(ct);
        foreach (var id in ids)
        {
            await SendAsync(id, ct);
        }
    }

    // Due, not held by a live claim or a stored retry time, under the attempt cap, and its alert has a message id.
    private Expression<Func<ThreadReply, bool>> Due(DateTimeOffset now)
    {
        var maxAttempts = options.Value.MaxAttempts;
        return r => r.DueAt <= now && r.Attempts < maxAttempts
                    && (r.State == DeliveryState.Pending || r.State == DeliveryState.Sending || r.State == DeliveryState.Failed)
                    && (r.ClaimedUntil == null || r.ClaimedUntil < now)
                    && r.Delivery!.State == DeliveryState.Sent && r.Delivery.MessageId != null;
    }

    private async Task SendAsync(long replyId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var claimed = await db.ThreadReplies.Where(r => r.Id == replyId).Where(Due(now))
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.State, DeliveryState.Sending).SetProperty(r => r.ClaimedUntil, now + DeliverJob.Claim), ct);
        if (claimed == 0)
        {
            return; // another worker has it, or it is not due any more
        }

        var reply = await db.ThreadReplies.Include(r => r.Delivery).ThenInclude(d => d!.Destination).FirstAsync(r => r.Id == replyId, ct);
        try
        {
            await PostAsync(reply, reply.Delivery!, now, ct);
        }
        finally
        {
            await db.SaveChangesAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
        }
    }

    private async Task PostAsync(ThreadReply reply, Delivery delivery, DateTimeOffset now, CancellationToken ct)
    {
        var destination = delivery.Destination!;
        if (senders.For(destination) is not IThreadedAlertSender threaded)
        {
            (reply.State, reply.ClaimedUntil) = (DeliveryState.Dead, null);
            reply.RecordError($"a {destination.Kind} destination has no threads");
            return;
        }

        if (destination.Paused)
        {
            (reply.State, reply.ClaimedUntil) = (DeliveryState.Pending, now + DeliverJob.PauseProbe); // the alert's probe resumes it
            return;
        }

        if (await pacer.TryTakeAsync(destination, queueBehind: null, ct) is { } wait)
        {
            // The channel's rate limit (the alert's edit may just have taken it): this alert's rows look again then.
            (reply.State, reply.ClaimedUntil) = (DeliveryState.Pending, now + wait);
            jobs.Schedule<ThreadReplyJob>(JobQueues.Interactive, job => job.RunAsync(delivery.Id, CancellationToken.None), wait + DeliverJob.ClaimMargin);
            return;
        }

        reply.Attempts++;
        try
        {
            var id = await pacer.PostAsync(destination, () => threaded.ReplyAsync(destination.Address, delivery.MessageId!, reply.Text, ct));
            (reply.State, reply.MessageId, reply.SentAt, reply.ClaimedUntil) = (DeliveryState.Sent, id, time.GetUtcNow(), null);
            reply.RecordError(null);
            ThreadLog.Sent(logger, reply.Id, delivery.Id, reply.EventKey);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await FailedAsync(reply, destination, e, now);
        }
    }

    // Push-back waits without counting against the row; a refused message is dead; anything else retries with backoff.
    private async Task FailedAsync(ThreadReply reply, Destination destination, Exception e, DateTimeOffset now)
    {
        reply.RecordError(e.Message);
        switch (DeliveryOutcome.From(e, reply.Attempts, options.Value.MaxAttempts))
        {
            case { Kind: DeliveryOutcomeKind.RetryLater, Wait: var wait }:
                var until = now + (wait ?? DeliveryOutcome.DefaultRetryAfter);
                (reply.State, reply.ClaimedUntil) = (DeliveryState.Pending, until);
                reply.Attempts--;
                await pacer.PushBackAsync(destination, until, CancellationToken.None);
                break;
            case { Kind: DeliveryOutcomeKind.Pause }:
                (reply.State, reply.ClaimedUntil) = (DeliveryState.Pending, now + DeliverJob.PauseProbe);
                break;
            case { Kind: DeliveryOutcomeKind.DeadLetter }:
                (reply.State, reply.ClaimedUntil) = (DeliveryState.Dead, null);
                break;
            default:
                // Uncertain (a timeout may have posted it): retried later; a thread reply has no lookup, see docs.
                var delay = RetryPolicy.Delay(reply.Attempts, Random.Shared.NextDouble(), options.Value);
                (reply.State, reply.ClaimedUntil) = (DeliveryState.Failed, now + delay);
                break;
        }

        ThreadLog.Failed(logger, reply.Id, reply.State.ToString(), e.Message);
    }
}
