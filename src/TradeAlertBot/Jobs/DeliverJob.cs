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
    TradeAlertDbContext db, IEnumerable<IAlertSender> senders, TimeProvider time, ILogger<DeliverJob> logger)
{
    /// <summary>How long a worker may hold a delivery; a crashed worker's claim expires and the sweep retries it.</summary>
    public static readonly TimeSpan Claim = TimeSpan.FromMinutes(2);

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
        catch (Exception e) when (e is not OperationCanceledException)
        {
            delivery.State = DeliveryState.Failed;
            delivery.LastError = e.Message.Length > 2000 ? e.Message[..2000] : e.Message;
            throw;
        }
        finally
        {
            delivery.ClaimedUntil = null;
            await db.SaveChangesAsync(CancellationToken.None);
        }
    }

    private async Task DeliverAsync(Delivery delivery, CancellationToken ct)
    {
        var (story, destination) = (delivery.Story!, delivery.Destination!);
        if (destination.Paused)
        {
            delivery.State = delivery.State == DeliveryState.Sent ? DeliveryState.Sent : DeliveryState.Pending;
            logger.LogInformation("deliver: {DeliveryId} held, destination {DestinationId} paused", delivery.Id, destination.Id);
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
        delivery.State = DeliveryState.Sent;
        delivery.SentAt = time.GetUtcNow();
        delivery.OutletsShown = story.OutletCount;
        delivery.LastError = null;
        logger.LogInformation("deliver: story {StoryId} sent to {Kind}:{Address} (delivery {DeliveryId})",
            story.Id, destination.Kind, destination.Address, delivery.Id);
    }
}
