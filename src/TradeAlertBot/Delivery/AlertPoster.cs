using TradeAlertBot.Core.Alerts;
using TradeAlertBot.Core.Text;
using TradeAlertBot.Storage.Entities;
using TradeAlertBot.Telemetry;

namespace TradeAlertBot.Deliveries;

/// <summary>
/// The one send path, for immediate alerts (<see cref="DeliverJob"/>) and held ones (<see cref="HeldAlertsJob"/>):
/// hold and storm gate (<see cref="HoldGate"/>), the destination's rate limit, the "was it posted?" lookup for an
/// interrupted attempt, the post (<see cref="AlertSenders"/>, tagged with the delivery id where the platform can look
/// it up), and the row change and metrics of its outcome (<see cref="DeliveryOutcome"/>). The callers claim rows, save
/// them and schedule their own next run.
/// </summary>
public sealed class AlertPoster(
    HoldGate holds,
    AlertSenders senders,
    DestinationPacer pacer,
    DeliveryOutcomeRecorder outcomes,
    BotMetrics metrics,
    TimeProvider time,
    ILogger<AlertPoster> logger)
{
    /// <summary>Mute, quiet hours, a storm or a digest: the row waits, marked, for <see cref="HeldAlertsJob"/> to bundle it.</summary>
    public Task<Posting> HoldAsync(Delivery delivery, DateTimeOffset now, CancellationToken ct) => holds.HoldAsync(delivery, now, ct);

    /// <summary>
    /// The destination's rate limit: null when the caller may post now (it holds the slot until <see cref="PostAsync"/>
    /// or <see cref="UpdateAsync"/> frees it), else how long until it looks again. A row given here queues behind rows
    /// already waiting; SlotAt marks it waiting (it passed the storm gate). It is not claimed meanwhile, since Hangfire
    /// keeps due times in whole seconds and may start the job early — it then looks again.
    /// </summary>
    public async Task<TimeSpan?> TakeSlotAsync(Destination destination, Delivery? delivery, CancellationToken ct)
    {
        var wait = await pacer.TryTakeAsync(destination, delivery is { SlotAt: null } ? delivery : null, ct);
        if (delivery is null)
        {
            return wait;
        }

        if (wait is null)
        {
            delivery.SlotAt = null;
            return null;
        }

        metrics.DeliveryHeld(destination.Kind, "rate_limited");
        (delivery.SlotAt, delivery.ClaimedUntil) = (time.GetUtcNow() + wait, null);
        BackToPending(delivery);
        return wait;
    }

    /// <summary>
    /// An uncertain row (an earlier attempt was interrupted) may have been posted: look first, only around that
    /// attempt (history reads may be few and small). A lookup the platform rate-limits proves nothing: the row stays
    /// uncertain and looks again after Retry-After, never posting blind; the destination's posts are not held.
    /// </summary>
    public async Task<Posting> LookUpAsync(Destination destination, Delivery delivery, CancellationToken ct)
    {
        if (senders.For(destination) is not IRecoverableAlertSender recoverable)
        {
            return Posting.Continue;
        }

        var (from, to) = LookupWindow.Of(delivery, DeliverJob.Claim, time.GetUtcNow());
        string? found;
        try
        {
            found = await recoverable.FindSentAsync(destination.Address, delivery.Id, from, to, ct);
        }
        catch (AlertDeliveryException e) when (e.Failure == DeliveryFailure.RetryLater)
        {
            var wait = e.RetryAfter ?? TimeSpan.FromSeconds(60);
            var until = time.GetUtcNow() + wait;
            (delivery.State, delivery.ClaimedUntil, delivery.SlotAt) = (DeliveryState.Failed, until, until);
            delivery.RecordError(e.Message);
            metrics.DeliveryHeld(destination.Kind, "lookup_rate_limited");
            DeliveryLog.LookupRateLimited(logger, delivery.Id, wait.TotalSeconds);
            return Posting.RunAgainAfter(wait);
        }

        if (found is null)
        {
            return Posting.Continue;
        }

        DeliveryLog.AlreadyPosted(logger, delivery.Id, found);
        MarkSent(destination, delivery, found);
        return Posting.Finished;
    }

    /// <summary>
    /// Posts the rows while holding the slot taken by <see cref="TakeSlotAsync"/> (freed after, even for no rows): one
    /// alert as itself, tagged for the lookup where the sender can; several as one digest, which is not. Every row
    /// counts an attempt; a failure is recorded on each row it carried. Returns when the rows should run again, if
    /// the failure set a time.
    /// </summary>
    public async Task<TimeSpan?> PostAsync(Destination destination, IReadOnlyList<Delivery> deliveries, CancellationToken ct)
    {
        try
        {
            var messageId = await pacer.PostAsync(destination, () => senders.SendAsync(destination, deliveries, ct));
            foreach (var delivery in deliveries)
            {
                MarkSent(destination, delivery, messageId);
                DeliveryLog.Sent(logger, delivery.StoryId, destination.Kind, ShownUrl.Origin(destination.Address), delivery.Id);
            }

            return null;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return await outcomes.RecordAsync(destination, deliveries, e, CancellationToken.None);
        }
    }

    /// <summary>
    /// Updates a sent alert whose story gained outlets ("reported by N outlets") or whose action changed (a later
    /// document: only edited in place, its news goes into the thread as a <c>ThreadReply</c>), within the slot taken
    /// by <see cref="TakeSlotAsync"/>.
    /// </summary>
    public async Task UpdateAsync(Destination destination, Delivery delivery, CancellationToken ct)
    {
        var story = delivery.Story!;
        var alert = AlertFactory.For(delivery);
        var sender = senders.For(destination);
        await pacer.PostAsync(destination, async () =>
        {
            if (delivery.OutletsShown >= story.OutletCount && sender is IThreadedAlertSender threaded)
            {
                await threaded.EditAsync(destination.Address, delivery.MessageId!, alert, ct);
            }
            else
            {
                await sender.UpdateAsync(destination.Address, delivery.MessageId!, alert, ct);
            }

            return true;
        });
        (delivery.OutletsShown, delivery.RevisionShown) = (story.OutletCount, story.Revision);
    }

    /// <summary>Whether the sent alert shows less than its story has now: more outlets, or a changed action.</summary>
    public static bool UpdateDue(Delivery delivery) =>
        delivery.MessageId is not null && (delivery.OutletsShown < delivery.Story!.OutletCount || delivery.RevisionShown < delivery.Story.Revision);

    /// <summary>The outcome of a failed post, lookup or update on each row it carried (<see cref="DeliveryOutcomeRecorder"/>).</summary>
    public Task<TimeSpan?> RecordFailureAsync(Destination destination, IReadOnlyList<Delivery> deliveries, Exception e, CancellationToken ct) =>
        outcomes.RecordAsync(destination, deliveries, e, ct);

    private void MarkSent(Destination destination, Delivery delivery, string? messageId)
    {
        if (destination.Paused)
        {
            DeliveryLog.Unpaused(logger, destination.Id);
            destination.Resume();
        }

        var story = delivery.Story!;
        (delivery.MessageId, delivery.State, delivery.SentAt, delivery.OutletsShown) = (messageId, DeliveryState.Sent, time.GetUtcNow(), story.OutletCount);
        delivery.RevisionShown = story.Revision;
        (delivery.HeldFor, delivery.SlotAt, delivery.ClaimedUntil) = (null, null, null);
        delivery.RecordError(null);
        metrics.DeliverySent(destination.Kind, delivery.SentAt.Value - story.FirstSeenAt);
    }

    // A sent row stays sent (only its update waits); an unsent one waits as pending.
    internal static void BackToPending(Delivery delivery) =>
        delivery.State = delivery.State == DeliveryState.Sent ? DeliveryState.Sent : DeliveryState.Pending;
}
