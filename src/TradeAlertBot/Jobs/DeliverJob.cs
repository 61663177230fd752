using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TradeAlertBot.Alerting;
using TradeAlertBot.Core.Alerts;
using TradeAlertBot.Core.Text;
using TradeAlertBot.Outbox;
using TradeAlertBot.Storage;
using TradeAlertBot.Storage.Entities;
using TradeAlertBot.Telemetry;

namespace TradeAlertBot.Jobs;

/// <summary>
/// Sends one outbox row, exactly once. It claims the row first (pending → sending), so a retried, swept or
/// duplicated job never posts a sent alert again and two workers never send one row at once. A row found still
/// "sending" was interrupted mid-send: a recoverable sender (Slack) is asked whether that post went out before
/// posting again. Holds (mute, quiet hours, storm, digest), the destination's rate limit and platform pushback
/// reschedule the row instead of blocking a worker; transient failures retry with backoff and jitter up to
/// Delivery:MaxAttempts, then the row is dead-lettered; permanent ones pause the destination. Nothing is dropped.
/// </summary>
[AutomaticRetry(Attempts = 0)] // retries are scheduled here, with backoff, and counted on the row
public sealed class DeliverJob(
    TradeAlertDbContext db,
    IEnumerable<IAlertSender> senders,
    IBackgroundJobClient jobs,
    IOptions<DeliveryOptions> options,
    DestinationPacer pacer,
    BotMetrics metrics,
    TimeProvider time,
    ILogger<DeliverJob> logger)
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
            await FailAsync(delivery, e, ct);
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
        var (story, destination) = (delivery.Story!, delivery.Destination!);
        var now = time.GetUtcNow();
        if (destination.Paused && !(destination.PausedAt is { } pausedAt && now - pausedAt >= PauseProbe))
        {
            BackToPending(delivery);
            logger.LogInformation("deliver: {DeliveryId} held, destination {DestinationId} paused", delivery.Id, destination.Id);
            return;
        }

        var sender = senders.FirstOrDefault(s => s.Kind == destination.Kind)
            ?? throw new InvalidOperationException($"deliver: no sender for destination kind '{destination.Kind}'");
        var alert = AlertFactory.From(story);
        if (delivery.State == DeliveryState.Sent)
        {
            if (delivery.MessageId is { } messageId && delivery.OutletsShown < story.OutletCount && await SlotAsync(delivery, ct))
            {
                await pacer.PostAsync(destination, async () =>
                {
                    await sender.UpdateAsync(destination.Address, messageId, alert, ct);
                    return messageId;
                });
                delivery.OutletsShown = story.OutletCount;
            }

            return;
        }

        if (await HoldAsync(delivery, now, ct))
        {
            return;
        }

        // A row still "sending" from an earlier attempt may have been posted just before a crash: look first, only
        // around that attempt (history reads may be few and small). A lookup the platform rate-limits proves
        // nothing: the row stays uncertain and looks again after Retry-After, never posting blind.
        var recoverable = sender as IRecoverableAlertSender;
        if (interrupted && recoverable is not null)
        {
            var (from, to) = LookupWindow.Of(delivery, Claim, now);
            string? found;
            try
            {
                found = await recoverable.FindSentAsync(destination.Address, delivery.Id, from, to, ct);
            }
            catch (AlertDeliveryException e) when (e.Failure == DeliveryFailure.RetryLater)
            {
                LookAgainLater(delivery, e);
                return;
            }

            if (found is not null)
            {
                logger.LogWarning("deliver: {DeliveryId} was already posted before an interruption ({MessageId}); recorded, not posted again", delivery.Id, found);
                MarkSent(delivery, destination, story, found);
                return;
            }
        }

        // The rate-limit slot is taken last, just before posting, so the spacing holds where the platform sees it.
        if (!await SlotAsync(delivery, ct))
        {
            return;
        }

        delivery.Attempts++;
        var sent = await pacer.PostAsync(destination, async () =>
        {
            if (recoverable is null)
            {
                return await sender.SendAsync(destination.Address, alert, ct);
            }

            // Stored before posting (inside the slot, which frees whatever happens), so a crash mid-post leaves
            // the time the next attempt's lookup window starts from.
            delivery.AttemptedAt = time.GetUtcNow();
            await db.Deliveries.Where(d => d.Id == delivery.Id).ExecuteUpdateAsync(s => s.SetProperty(d => d.AttemptedAt, delivery.AttemptedAt), ct);
            return await recoverable.SendAsync(destination.Address, alert, delivery.Id, ct);
        });
        MarkSent(delivery, destination, story, sent);
        logger.LogInformation("deliver: story {StoryId} sent to {Kind}:{Address} (delivery {DeliveryId})",
            story.Id, destination.Kind, ShownUrl.Origin(destination.Address), delivery.Id);
    }

    private void MarkSent(Delivery delivery, Destination destination, Story story, string messageId)
    {
        if (destination.Paused)
        {
            logger.LogInformation("deliver: destination {DestinationId} works again; unpaused", destination.Id);
            destination.Resume();
        }

        (delivery.MessageId, delivery.State, delivery.SentAt, delivery.OutletsShown, delivery.LastError, delivery.SlotAt) =
            (messageId, DeliveryState.Sent, time.GetUtcNow(), story.OutletCount, null, null);
        metrics.DeliverySent(destination.Kind, delivery.SentAt.Value - story.FirstSeenAt);
    }

    // Mute, quiet hours, a storm or a digest: the row waits, marked, for HeldAlertsJob to bundle it.
    private async Task<bool> HoldAsync(Delivery delivery, DateTimeOffset now, CancellationToken ct)
    {
        var destination = delivery.Destination!;
        var hold = HoldPolicy.Current(destination, now);
        if (hold?.Reason == "storm" && delivery.SlotAt is not null)
        {
            hold = null; // it passed the storm gate before the storm began, and only waited for the rate limit
        }

        // A row coming back for its rate-limit slot already passed the storm gate.
        if (hold is null && delivery.SlotAt is null
            && await StormGate.TryPassAsync(db, destination.Id, now, options.Value, ct) is { } stormEnds)
        {
            destination.StormUntil = stormEnds;
            hold = new HoldPolicy.Hold("storm", stormEnds);
            logger.LogWarning("deliver: storm at {Kind}:{Address} (over {Threshold} alerts in {Window}); further alerts are bundled until {Until}",
                destination.Kind, ShownUrl.Origin(destination.Address), options.Value.StormThreshold, options.Value.StormWindow, stormEnds);
        }

        if (hold is null)
        {
            return false;
        }

        (delivery.State, delivery.HeldFor, delivery.ClaimedUntil) = (DeliveryState.Pending, hold.Reason, hold.Until > now ? hold.Until : null);
        metrics.DeliveryHeld(destination.Kind, hold.Reason);
        return true;
    }

    // The destination's rate limit: post now (holding the slot), or come back when it frees. A newcomer queues
    // behind rows already waiting. SlotAt marks a waiting row (it passed the storm gate); the row is not claimed
    // meanwhile, since Hangfire keeps due times in whole seconds and may start the job early — it then looks again.
    private async Task<bool> SlotAsync(Delivery delivery, CancellationToken ct)
    {
        var destination = delivery.Destination!;
        if (await pacer.TryTakeAsync(destination, delivery.SlotAt is null ? delivery : null, ct) is not { } wait)
        {
            delivery.SlotAt = null;
            return true;
        }

        metrics.DeliveryHeld(destination.Kind, "rate_limited");
        (delivery.SlotAt, delivery.ClaimedUntil) = (time.GetUtcNow() + wait, null);
        BackToPending(delivery);
        jobs.Schedule<DeliverJob>(JobQueues.Interactive, job => job.RunAsync(delivery.Id, CancellationToken.None), wait);
        return false;
    }

    // The outcome (SendOutcome) of a failed post or update: backoff up to MaxAttempts then a dead letter, the platform's
    // push-back, a dead letter for a refused message, or a paused destination.
    private async Task FailAsync(Delivery delivery, Exception e, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var destination = delivery.Destination!;
        var wasSent = delivery.State == DeliveryState.Sent;
        delivery.LastError = Clip(e.Message);
        if (wasSent && e is not AlertDeliveryException)
        {
            logger.LogWarning("deliver: updating sent delivery {DeliveryId} failed; the next outlet change retries: {Error}", delivery.Id, e.Message);
            return;
        }

        BackToPending(delivery);
        var outcome = SendOutcome.From(e, delivery.Attempts, options.Value.MaxAttempts);
        switch (outcome.Kind)
        {
            case SendOutcomeKind.RetryLater:
                var wait = outcome.Wait ?? SendOutcome.DefaultRetryAfter;
                (delivery.ClaimedUntil, delivery.SlotAt) = (now + wait, now + wait); // keeps its place past the storm gate
                await pacer.PushBackAsync(destination, now + wait, ct); // the whole destination waits, not just this row
                jobs.Schedule<DeliverJob>(job => job.RunAsync(delivery.Id, CancellationToken.None), wait + ClaimMargin);
                metrics.DeliveryHeld(destination.Kind, "rate_limited");
                logger.LogWarning("deliver: {DeliveryId} rate limited by {Kind}; rescheduled in {Seconds} s", delivery.Id, destination.Kind, wait.TotalSeconds);
                break;
            case SendOutcomeKind.DeadLetter when e is AlertDeliveryException:
                delivery.State = wasSent ? DeliveryState.Sent : DeliveryState.Dead;
                metrics.DeliveryFailed(destination.Kind, "rejected");
                logger.LogError("deliver: {DeliveryId} rejected by {Kind}, dead-lettered for replay: {Reason}", delivery.Id, destination.Kind, e.Message);
                break;
            case SendOutcomeKind.DeadLetter:
                delivery.State = DeliveryState.Dead;
                metrics.DeliveryFailed(destination.Kind, "error");
                logger.LogError("deliver: {DeliveryId} dead-lettered after {Attempts} attempts: {Error}", delivery.Id, delivery.Attempts, e.Message);
                break;
            case SendOutcomeKind.Pause:
                destination.Pause(e.Message, now);
                metrics.DeliveryFailed(destination.Kind, e is AlertDeliveryException { Failure: DeliveryFailure.AccountBroken } ? "account_broken" : "destination_unavailable");
                logger.LogError("deliver: destination {DestinationId} ({Kind}:{Address}) paused: {Reason}",
                    destination.Id, destination.Kind, ShownUrl.Origin(destination.Address), e.Message);
                break;
            default:
                // Transient (timeouts, 5xx, dropped connections): "failed" is uncertain, so the retry looks up first.
                // Its time is stored with the row, so a restart finds it without this process's scheduled job.
                metrics.DeliveryFailed(destination.Kind, "error");
                var delay = RetryPolicy.Delay(delivery.Attempts, Random.Shared.NextDouble(), options.Value);
                (delivery.State, delivery.ClaimedUntil, delivery.SlotAt) = (DeliveryState.Failed, now + delay, now + delay);
                jobs.Schedule<DeliverJob>(job => job.RunAsync(delivery.Id, CancellationToken.None), delay + ClaimMargin);
                logger.LogWarning("deliver: {DeliveryId} attempt {Attempt} failed, retry in {Seconds:0} s: {Error}",
                    delivery.Id, delivery.Attempts, delay.TotalSeconds, e.Message);
                break;
        }
    }

    // The "was it posted?" lookup was rate-limited: the row stays uncertain (failed, so the next run looks first),
    // waits Retry-After, and counts no attempt. The destination's posts are not held: only the lookup was limited.
    private void LookAgainLater(Delivery delivery, AlertDeliveryException e)
    {
        var wait = e.RetryAfter ?? TimeSpan.FromSeconds(60);
        var until = time.GetUtcNow() + wait;
        (delivery.State, delivery.ClaimedUntil, delivery.SlotAt, delivery.LastError) = (DeliveryState.Failed, until, until, Clip(e.Message));
        jobs.Schedule<DeliverJob>(job => job.RunAsync(delivery.Id, CancellationToken.None), wait + ClaimMargin);
        metrics.DeliveryHeld(delivery.Destination!.Kind, "lookup_rate_limited");
        logger.LogWarning("deliver: {DeliveryId} may have been posted, but the lookup was rate limited; looking again in {Seconds} s",
            delivery.Id, wait.TotalSeconds);
    }

    // A sent row stays sent (only its update waits); an unsent one waits as pending.
    private static void BackToPending(Delivery delivery) =>
        delivery.State = delivery.State == DeliveryState.Sent ? DeliveryState.Sent : DeliveryState.Pending;

    private static string Clip(string text, int max = 2000) => text.Length > max ? text[..max] : text;
}
