using Microsoft.EntityFrameworkCore;
using TradeAlertBot.Alerting;
using TradeAlertBot.Core.Alerts;
using TradeAlertBot.Core.Routing;
using TradeAlertBot.Storage;
using TradeAlertBot.Storage.Entities;

namespace TradeAlertBot.Jobs;

/// <summary>
/// Sends each digest destination's held alerts as one message when its digest time comes (every minute it checks).
/// Rows are claimed first, like <see cref="DeliverJob"/> does, so no alert goes out twice; a failed digest releases
/// them for the next run, nothing is dropped.
/// </summary>
public sealed class DigestJob(TradeAlertDbContext db, IEnumerable<IAlertSender> senders, TimeProvider time, ILogger<DigestJob> logger)
{
    public async Task RunAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var due = await db.Destinations.Where(d => d.Digest != null && d.NextDigestAt <= now && !d.Paused).ToListAsync(ct);
        foreach (var destination in due)
        {
            await SendAsync(destination, now, ct);
        }
    }

    private async Task SendAsync(Destination destination, DateTimeOffset now, CancellationToken ct)
    {
        var schedule = DigestSchedule.TryParse(destination.Digest);
        if (schedule is null)
        {
            logger.LogError("digest: destination {DestinationId} has an unreadable schedule '{Digest}'; sending alerts singly", destination.Id, destination.Digest);
            destination.Digest = null;
            await db.SaveChangesAsync(ct);
            return;
        }

        var claim = now + DeliverJob.Claim;
        await db.Deliveries
            // Pending rows are held (for the digest, a mute or a rate limit) and free to take; "sending" ones only
            // when their worker's claim has run out.
            .Where(d => d.DestinationId == destination.Id && d.State != DeliveryState.Sent && d.State != DeliveryState.Dead
                        && (d.State == DeliveryState.Pending || d.ClaimedUntil == null || d.ClaimedUntil <= now))
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.ClaimedUntil, claim).SetProperty(d => d.State, DeliveryState.Sending), ct);
        var held = await db.Deliveries.Include(d => d.Story)
            .Where(d => d.DestinationId == destination.Id && d.State == DeliveryState.Sending && d.ClaimedUntil == claim)
            .OrderBy(d => d.Story!.FirstSeenAt)
            .ToListAsync(ct);

        var sent = held.Count == 0;
        if (!sent)
        {
            try
            {
                var sender = senders.First(s => s.Kind == destination.Kind);
                await sender.SendDigestAsync(destination.Address, [.. held.Select(d => AlertFactory.From(d.Story!))], ct);
                foreach (var delivery in held)
                {
                    // No message id: a digest line is not updated when the story gains outlets.
                    (delivery.State, delivery.SentAt, delivery.MessageId, delivery.OutletsShown, delivery.LastError) =
                        (DeliveryState.Sent, time.GetUtcNow(), null, delivery.Story!.OutletCount, null);
                }

                sent = true;
                logger.LogInformation("digest: {Count} alert(s) sent to {Kind}:{Address}", held.Count, destination.Kind, destination.Address);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                foreach (var delivery in held)
                {
                    (delivery.State, delivery.LastError) = (DeliveryState.Pending, e.Message.Length > 2000 ? e.Message[..2000] : e.Message);
                }

                if (e is AlertDeliveryException { Failure: not DeliveryFailure.RetryLater })
                {
                    (destination.Paused, destination.PausedReason, destination.PausedAt) = (true, e.Message, now);
                }

                logger.LogWarning("digest: sending to {Kind}:{Address} failed, retried next run: {Error}", destination.Kind, destination.Address, e.Message);
            }
            finally
            {
                held.ForEach(d => d.ClaimedUntil = null);
            }
        }

        if (sent)
        {
            destination.NextDigestAt = schedule.Next(now, ZoneOf(destination));
        }

        await db.SaveChangesAsync(CancellationToken.None);
    }

    public static TimeZoneInfo ZoneOf(Destination destination) =>
        destination.TimeZone is { } id && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;
}
