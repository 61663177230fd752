using Microsoft.EntityFrameworkCore;
using TradeAlertBot.Alerting;
using TradeAlertBot.Core.Alerts;
using TradeAlertBot.Core.Routing;
using TradeAlertBot.Core.Text;
using TradeAlertBot.Outbox;
using TradeAlertBot.Storage;
using TradeAlertBot.Storage.Entities;

namespace TradeAlertBot.Jobs;

/// <summary>
/// Every minute: sends the alerts held for a destination (mute, quiet hours, storm, digest) once their hold is over
/// or the digest is due — one alert as itself, several as one summary message. Rows are claimed first, as in
/// <see cref="DeliverJob"/>, so none goes out twice; a failed send releases them for the next run.
/// </summary>
public sealed class HeldAlertsJob(
    TradeAlertDbContext db, IEnumerable<IAlertSender> senders, DestinationPacer pacer, TimeProvider time, ILogger<HeldAlertsJob> logger)
{
    public async Task RunAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var candidates = await db.Destinations
            .Where(d => db.Deliveries.Any(x => x.DestinationId == d.Id && x.HeldFor != null && x.State == DeliveryState.Pending)
                        || (d.Digest != null && (d.NextDigestAt == null || d.NextDigestAt <= now)))
            .ToListAsync(ct);
        foreach (var destination in candidates.Where(d => !d.Paused))
        {
            await ReleaseAsync(destination, now, ct);
        }
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
            return; // the channel's rate limit: next run
        }

        var claim = now + DeliverJob.Claim;
        await db.Deliveries
            .Where(d => d.DestinationId == destination.Id && d.HeldFor != null && d.State == DeliveryState.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.State, DeliveryState.Sending).SetProperty(d => d.ClaimedUntil, claim), ct);
        var held = await db.Deliveries.Include(d => d.Story)
            .Where(d => d.DestinationId == destination.Id && d.HeldFor != null && d.State == DeliveryState.Sending && d.ClaimedUntil == claim)
            .OrderBy(d => d.Story!.FirstSeenAt)
            .ToListAsync(ct);

        // Always through the pacer: it took the slot above, and frees it after.
        var done = await pacer.PostAsync(destination, () => held.Count == 0 ? Task.FromResult(true) : SendAsync(destination, held, ct));
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

    private async Task<bool> SendAsync(Destination destination, List<Delivery> held, CancellationToken ct)
    {
        var reasons = string.Join(", ", held.Select(d => d.HeldFor).Distinct());
        try
        {
            var sender = senders.First(s => s.Kind == destination.Kind);
            var alerts = held.Select(d => AlertFactory.From(d.Story!)).ToList();
            // One alert goes out as itself (and can be updated later); several as one summary, which is not.
            var messageId = held.Count == 1 ? await sender.SendAsync(destination.Address, alerts[0], ct) : null;
            if (held.Count > 1)
            {
                await sender.SendDigestAsync(destination.Address, alerts, ct);
            }

            var sentAt = time.GetUtcNow();
            foreach (var delivery in held)
            {
                (delivery.State, delivery.SentAt, delivery.MessageId, delivery.OutletsShown, delivery.LastError, delivery.HeldFor, delivery.ClaimedUntil) =
                    (DeliveryState.Sent, sentAt, messageId, delivery.Story!.OutletCount, null, null, null);
                delivery.Attempts++;
            }

            logger.LogInformation("held: {Count} alert(s) held for {Reasons} sent to {Kind}:{Address}", held.Count, reasons, destination.Kind, ShownUrl.Origin(destination.Address));
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            foreach (var delivery in held)
            {
                (delivery.State, delivery.ClaimedUntil, delivery.LastError) = (DeliveryState.Pending, null, e.Message.Length > 2000 ? e.Message[..2000] : e.Message);
            }

            if (e is AlertDeliveryException { Failure: DeliveryFailure.DestinationUnavailable or DeliveryFailure.AccountBroken })
            {
                destination.Pause(e.Message, time.GetUtcNow());
            }

            logger.LogWarning("held: sending {Count} held alert(s) to {Kind}:{Address} failed, retried next run: {Error}",
                held.Count, destination.Kind, ShownUrl.Origin(destination.Address), e.Message);
            return false;
        }
    }
}
