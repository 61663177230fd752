using Hangfire;
using Microsoft.EntityFrameworkCore;
using TradeAlertBot.Alerting;
using TradeAlertBot.Core.Alerts;
using TradeAlertBot.Storage;
using TradeAlertBot.Storage.Entities;

namespace TradeAlertBot.Jobs;

/// <summary>
/// Sends one outbox row. Reentrant: it claims the row first, so a retried, swept or duplicated job never posts a
/// sent alert again (and two workers never send one row at once); a sent alert whose story gained outlets is
/// updated instead. Two writes per send: the claim, and the outcome.
/// </summary>
[AutomaticRetry(Attempts = 8)]
public sealed class DeliverJob(
    TradeAlertDbContext db, IEnumerable<IAlertSender> senders, IBackgroundJobClient jobs, TimeProvider time, ILogger<DeliverJob> logger)
{
    /// <summary>How long a worker may hold a delivery; a crashed worker's claim expires and the sweep retries it.</summary>
    public static readonly TimeSpan Claim = TimeSpan.FromMinutes(2);

    /// <summary>How long a paused destination waits before one send is tried again (someone may have fixed it).</summary>
    public static readonly TimeSpan PauseProbe = TimeSpan.FromHours(1);

    // A held row's claim runs until the retry time; its job is scheduled a little later so the claim has expired.
    private static readonly TimeSpan ClaimMargin = TimeSpan.FromSeconds(1);

    public async Task RunAsync(long deliveryId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var claimed = await db.Deliveries
            .Where(d => d.Id == deliveryId && d.State != DeliveryState.Dead && (d.ClaimedUntil == null || d.ClaimedUntil < now))
            .ExecuteUpdateAsync(s => s
                .SetProperty(d => d.ClaimedUntil, now + Claim)
                .SetProperty(d => d.Attempts, d => d.State == DeliveryState.Sent ? d.Attempts : d.Attempts + 1)
                .SetProperty(d => d.State, d => d.State == DeliveryState.Sent ? DeliveryState.Sent : DeliveryState.Sending), ct);
        if (claimed == 0)
        {
            return; // another worker has it, or it is dead-lettered
        }

        var delivery = await db.Deliveries.Include(d => d.Story).Include(d => d.Destination)
            .FirstAsync(d => d.Id == deliveryId, ct);
        try
        {
            await DeliverAsync(delivery, ct);
        }
        catch (AlertDeliveryException e)
        {
            Hold(delivery, e);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            delivery.State = DeliveryState.Failed;
            delivery.LastError = e.Message.Length > 2000 ? e.Message[..2000] : e.Message;
            throw;
        }
        finally
        {
            if (delivery.ClaimedUntil == now + Claim)
            {
                delivery.ClaimedUntil = null; // released; a hold (rate limit, mute) keeps its later time
            }

            await db.SaveChangesAsync(CancellationToken.None);
        }
    }

    private async Task DeliverAsync(Delivery delivery, CancellationToken ct)
    {
        var (story, destination) = (delivery.Story!, delivery.Destination!);
        var now = time.GetUtcNow();
        if (destination.Paused && !(destination.PausedAt is { } pausedAt && now - pausedAt >= PauseProbe))
        {
            delivery.State = delivery.State == DeliveryState.Sent ? DeliveryState.Sent : DeliveryState.Pending;
            logger.LogInformation("deliver: {DeliveryId} held, destination {DestinationId} paused", delivery.Id, destination.Id);
            return;
        }

        if (destination.MutedUntil is { } mutedUntil && mutedUntil > now)
        {
            // Held, not dropped: the job comes back when the mute ends.
            delivery.State = delivery.State == DeliveryState.Sent ? DeliveryState.Sent : DeliveryState.Pending;
            delivery.ClaimedUntil = mutedUntil;
            jobs.Schedule<DeliverJob>(job => job.RunAsync(delivery.Id, CancellationToken.None), mutedUntil + ClaimMargin);
            return;
        }

        if (destination.Digest is not null && delivery.State != DeliveryState.Sent)
        {
            // Held for the digest: DigestJob sends it with the others; the claim keeps the sweep away until then.
            delivery.State = DeliveryState.Pending;
            delivery.ClaimedUntil = destination.NextDigestAt > now ? destination.NextDigestAt : null;
            return;
        }

        var sender = senders.FirstOrDefault(s => s.Kind == destination.Kind)
            ?? throw new InvalidOperationException($"deliver: no sender for destination kind '{destination.Kind}'");
        var alert = AlertFactory.From(story);
        if (delivery.State == DeliveryState.Sent)
        {
            if (delivery.MessageId is { } messageId && delivery.OutletsShown < story.OutletCount)
            {
                await sender.UpdateAsync(destination.Address, messageId, alert, ct);
                delivery.OutletsShown = story.OutletCount;
            }

            return;
        }

        delivery.MessageId = await sender.SendAsync(destination.Address, alert, ct);
        if (destination.Paused)
        {
            logger.LogInformation("deliver: destination {DestinationId} works again; unpaused", destination.Id);
            (destination.Paused, destination.PausedReason, destination.PausedAt) = (false, null, null);
        }

        delivery.State = DeliveryState.Sent;
        delivery.SentAt = time.GetUtcNow();
        delivery.OutletsShown = story.OutletCount;
        delivery.LastError = null;
        logger.LogInformation("deliver: story {StoryId} sent to {Kind}:{Address} (delivery {DeliveryId})",
            story.Id, destination.Kind, destination.Address, delivery.Id);
    }

    // Failures the outbox handles itself: nothing is dropped, and no retry is burnt on waiting.
    private void Hold(Delivery delivery, AlertDeliveryException e)
    {
        var now = time.GetUtcNow();
        var destination = delivery.Destination!;
        delivery.State = delivery.State == DeliveryState.Sent ? DeliveryState.Sent : DeliveryState.Pending;
        delivery.LastError = e.Message.Length > 2000 ? e.Message[..2000] : e.Message;
        switch (e.Failure)
        {
            case DeliveryFailure.RetryLater:
                var wait = e.RetryAfter ?? TimeSpan.FromSeconds(30);
                delivery.ClaimedUntil = now + wait; // keeps the sweep away until then
                jobs.Schedule<DeliverJob>(job => job.RunAsync(delivery.Id, CancellationToken.None), wait + ClaimMargin);
                logger.LogWarning("deliver: {DeliveryId} rate limited; rescheduled in {Seconds} s", delivery.Id, wait.TotalSeconds);
                break;
            default:
                (destination.Paused, destination.PausedReason, destination.PausedAt) = (true, e.Message, now);
                logger.LogError("deliver: destination {DestinationId} ({Kind}:{Address}) paused: {Reason}",
                    destination.Id, destination.Kind, destination.Address, e.Message);
                break;
        }
    }
}
