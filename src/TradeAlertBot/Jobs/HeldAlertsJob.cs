using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TradeAlertBot.Alerting;
using TradeAlertBot.Core.Alerts;
using TradeAlertBot.Core.Routing;
using TradeAlertBot.Core.Text;
using TradeAlertBot.Outbox;
using TradeAlertBot.Storage;
using TradeAlertBot.Storage.Entities;
using TradeAlertBot.Telemetry;

namespace TradeAlertBot.Jobs;

/// <summary>
/// Every minute: sends the alerts held for a destination (mute, quiet hours, storm, digest) once their hold is over
/// or the digest is due — one alert as itself, several as one summary message — with <see cref="DeliverJob"/>'s
/// guarantees: rows are claimed first; an interrupted one is looked up (<see cref="IRecoverableAlertSender"/>) before
/// it is posted again; every attempt is counted; a failure maps through <see cref="SendOutcome"/> (backoff, push-back
/// on 429, dead letter, pause) exactly as for an immediate alert.
/// </summary>
public sealed class HeldAlertsJob(
    TradeAlertDbContext db,
    IEnumerable<IAlertSender> senders,
    DestinationPacer pacer,
    IOptions<DeliveryOptions> options,
    BotMetrics metrics,
    TimeProvider time,
    ILogger<HeldAlertsJob> logger)
{
    public async Task RunAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var releasable = Releasable(now);
        var candidates = await db.Destinations
            .Where(d => db.Deliveries.Where(x => x.DestinationId == d.Id && x.HeldFor != null).Any(releasable)
                        || (d.Digest != null && (d.NextDigestAt == null || d.NextDigestAt <= now)))
            .ToListAsync(ct);
        foreach (var destination in candidates.Where(d => !d.Paused))
        {
            await ReleaseAsync(destination, now, ct);
        }
    }

    // A pending held row any time its hold is over (its ClaimedUntil is the hold's end, which HoldPolicy judges); one
    // that failed or was interrupted mid-send at its stored retry time, or once its dead worker's claim has lapsed.
    private System.Linq.Expressions.Expression<Func<Delivery, bool>> Releasable(DateTimeOffset now)
    {
        var maxAttempts = options.Value.MaxAttempts;
        return d => d.Attempts < maxAttempts && (d.State == DeliveryState.Pending
            || ((d.State == DeliveryState.Sending || d.State == DeliveryState.Failed) && (d.ClaimedUntil == null || d.ClaimedUntil < now)));
    }

    private async Task ReleaseAsync(Destination destination, DateTimeOffset now, CancellationToken ct)
    {
        var digestDue = destination.Digest is not null && (destination.NextDigestAt ?? now) <= now;
        var hold = HoldPolicy.Current(destination, now);
        if (hold is not null && !(hold.Reason == "digest" && digestDue))
        {
            return; // still muted, quiet, storming, or the digest is not due
        }

        if (await pacer.TryTakeAsync(destination, queueBehind: null, ct) is not null)
        {
            return; // the channel's rate limit (or its push-back after a 429): next run
        }

        var releasable = db.Deliveries.Where(d => d.DestinationId == destination.Id && d.HeldFor != null).Where(Releasable(now));
        var uncertain = (await releasable.Where(d => d.State != DeliveryState.Pending).Select(d => d.Id).ToListAsync(ct)).ToHashSet();
        var claim = now + DeliverJob.Claim;
        await releasable.ExecuteUpdateAsync(s => s.SetProperty(d => d.State, DeliveryState.Sending).SetProperty(d => d.ClaimedUntil, claim), ct);
        var held = await db.Deliveries.Include(d => d.Story)
            .Where(d => d.DestinationId == destination.Id && d.HeldFor != null && d.State == DeliveryState.Sending && d.ClaimedUntil == claim)
            .OrderBy(d => d.Story!.FirstSeenAt)
            .ToListAsync(ct);

        // Always through the pacer: it took the slot above, and frees it after.
        var done = await pacer.PostAsync(destination, () => held.Count == 0 ? Task.FromResult(true) : SendAsync(destination, held, uncertain, ct));
        if (done)
        {
            if (digestDue && DigestSchedule.TryParse(destination.Digest) is { } schedule)
            {
                destination.NextDigestAt = schedule.Next(now, HoldPolicy.ZoneOf(destination));
            }

            if (destination.StormUntil <= now)
            {
                destination.StormUntil = null;
            }
        }

        await db.SaveChangesAsync(CancellationToken.None);
    }

    private async Task<bool> SendAsync(Destination destination, List<Delivery> held, HashSet<long> uncertain, CancellationToken ct)
    {
        var reasons = string.Join(", ", held.Select(d => d.HeldFor).Distinct());
        var sender = senders.First(s => s.Kind == destination.Kind);
        var recoverable = sender as IRecoverableAlertSender;
        var toSend = new List<Delivery>();
        try
        {
            // A row interrupted mid-send may have been posted: look first, in the same window as DeliverJob. A lookup the
            // platform rate-limits throws before anything is posted, and the row stays uncertain for the next run.
            foreach (var delivery in held)
            {
                var (from, to) = LookupWindow.Of(delivery, DeliverJob.Claim, time.GetUtcNow());
                if (uncertain.Contains(delivery.Id) && recoverable is not null
                    && await recoverable.FindSentAsync(destination.Address, delivery.Id, from, to, ct) is { } found)
                {
                    logger.LogWarning("held: {DeliveryId} was already posted before an interruption ({MessageId}); recorded, not posted again", delivery.Id, found);
                    MarkSent(destination, delivery, found);
                }
                else
                {
                    toSend.Add(delivery);
                }
            }

            // One alert goes out as itself, tagged for the lookup (and can be updated later); several as one summary, which is not.
            toSend.ForEach(d => d.Attempts++);
            string? messageId = null;
            if (toSend.Count == 1)
            {
                var alert = AlertFactory.From(toSend[0].Story!);
                messageId = recoverable is not null
                    ? await recoverable.SendAsync(destination.Address, alert, toSend[0].Id, ct)
                    : await sender.SendAsync(destination.Address, alert, ct);
            }
            else if (toSend.Count > 1)
            {
                await sender.SendDigestAsync(destination.Address, toSend.Select(d => AlertFactory.From(d.Story!)).ToList(), ct);
            }

            toSend.ForEach(d => MarkSent(destination, d, messageId));

            logger.LogInformation("held: {Count} alert(s) held for {Reasons} sent to {Kind}:{Address}", held.Count, reasons, destination.Kind, ShownUrl.Origin(destination.Address));
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await FailAsync(destination, toSend, e);
            return false;
        }
    }

    private void MarkSent(Destination destination, Delivery delivery, string? messageId)
    {
        var sentAt = time.GetUtcNow();
        (delivery.State, delivery.SentAt, delivery.MessageId, delivery.OutletsShown, delivery.LastError, delivery.HeldFor, delivery.ClaimedUntil) =
            (DeliveryState.Sent, sentAt, messageId, delivery.Story!.OutletCount, null, null, null);
        metrics.DeliverySent(destination.Kind, sentAt - delivery.Story.FirstSeenAt);
    }

    // The same outcome as an immediate alert's, for each row the failed message carried.
    private async Task FailAsync(Destination destination, List<Delivery> failed, Exception e)
    {
        var now = time.GetUtcNow();
        var error = e.Message.Length > 2000 ? e.Message[..2000] : e.Message;
        foreach (var delivery in failed)
        {
            var outcome = SendOutcome.From(e, delivery.Attempts, options.Value.MaxAttempts);
            delivery.LastError = error;
            switch (outcome.Kind)
            {
                case SendOutcomeKind.Retry:
                    var delay = RetryPolicy.Delay(delivery.Attempts, Random.Shared.NextDouble(), options.Value);
                    (delivery.State, delivery.ClaimedUntil) = (DeliveryState.Failed, now + delay); // uncertain: looked up before the next post
                    metrics.DeliveryFailed(destination.Kind, "error");
                    break;
                case SendOutcomeKind.RetryLater:
                    (delivery.State, delivery.ClaimedUntil) = (DeliveryState.Pending, null); // the destination's push-back holds it
                    metrics.DeliveryHeld(destination.Kind, "rate_limited");
                    break;
                case SendOutcomeKind.DeadLetter:
                    (delivery.State, delivery.ClaimedUntil) = (DeliveryState.Dead, null);
                    metrics.DeliveryFailed(destination.Kind, e is AlertDeliveryException ? "rejected" : "error");
                    break;
                default:
                    (delivery.State, delivery.ClaimedUntil) = (DeliveryState.Pending, null);
                    metrics.DeliveryFailed(destination.Kind, e is AlertDeliveryException { Failure: DeliveryFailure.AccountBroken } ? "account_broken" : "destination_unavailable");
                    break;
            }
        }

        if (e is AlertDeliveryException { Failure: DeliveryFailure.RetryLater } limited)
        {
            await pacer.PushBackAsync(destination, now + (limited.RetryAfter ?? SendOutcome.DefaultRetryAfter), CancellationToken.None);
        }
        else if (e is AlertDeliveryException { Failure: not DeliveryFailure.Rejected })
        {
            destination.Pause(e.Message, now);
        }

        logger.LogWarning("held: sending {Count} held alert(s) to {Kind}:{Address} failed: {Error}",
            failed.Count, destination.Kind, ShownUrl.Origin(destination.Address), e.Message);
    }
}
