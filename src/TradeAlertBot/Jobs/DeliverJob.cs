using Hangfire;
using Microsoft.EntityFrameworkCore;
using TradeAlertBot.Core.Alerts;
using TradeAlertBot.Alerting;
using TradeAlertBot.Storage;
using TradeAlertBot.Storage.Entities;

namespace TradeAlertBot.Jobs;

/// <summary>
/// Sends one outbox row. Reentrant: it re-reads the row first, so a retried or duplicated job never posts a sent
/// alert again; a sent alert whose story gained outlets is updated instead.
/// </summary>
[AutomaticRetry(Attempts = 8)]
public sealed class DeliverJob(
    TradeAlertDbContext db, IEnumerable<IAlertSender> senders, TimeProvider time, ILogger<DeliverJob> logger)
{
    /// <summary>How long a worker may hold a delivery; a crashed worker's claim expires and the sweep retries it.</summary>
    public static readonly TimeSpan Claim = TimeSpan.FromMinutes(2);

    public async Task RunAsync(long deliveryId, CancellationToken ct)
    {
        // Claim first: a duplicate job (retry, sweep, second node) finds the row claimed and leaves it alone.
        var now = time.GetUtcNow();
        var claimed = await db.Deliveries
            .Where(d => d.Id == deliveryId && (d.ClaimedUntil == null || d.ClaimedUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.ClaimedUntil, now + Claim), ct);
        if (claimed == 0)
        {
            return;
        }

        try
        {
            await DeliverAsync(deliveryId, ct);
        }
        finally
        {
            await db.Deliveries.Where(d => d.Id == deliveryId)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.ClaimedUntil, (DateTimeOffset?)null), CancellationToken.None);
        }
    }

    private async Task DeliverAsync(long deliveryId, CancellationToken ct)
    {
        var delivery = await db.Deliveries.Include(d => d.Story).Include(d => d.Destination)
            .FirstOrDefaultAsync(d => d.Id == deliveryId, ct);
        if (delivery?.Story is not { } story || delivery.Destination is not { } destination)
        {
            return;
        }

        if (destination.Paused)
        {
            logger.LogInformation("deliver: {DeliveryId} held, destination {DestinationId} paused", deliveryId, destination.Id);
            return;
        }

        var sender = senders.FirstOrDefault(s => s.Kind == destination.Kind);
        if (sender is null)
        {
            delivery.State = DeliveryState.Failed;
            delivery.LastError = $"deliver: no sender for destination kind '{destination.Kind}'";
            await db.SaveChangesAsync(ct);
            return;
        }

        var alert = AlertFactory.From(story);
        if (delivery.State == DeliveryState.Sent)
        {
            if (delivery.MessageId is { } messageId && delivery.OutletsShown < story.OutletCount)
            {
                await sender.UpdateAsync(destination.Address, messageId, alert, ct);
                delivery.OutletsShown = story.OutletCount;
                await db.SaveChangesAsync(ct);
            }

            return;
        }

        delivery.State = DeliveryState.Sending;
        delivery.Attempts++;
        await db.SaveChangesAsync(ct);
        try
        {
            delivery.MessageId = await sender.SendAsync(destination.Address, alert, ct);
            delivery.State = DeliveryState.Sent;
            delivery.SentAt = time.GetUtcNow();
            delivery.OutletsShown = story.OutletCount;
            delivery.LastError = null;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            delivery.State = DeliveryState.Failed;
            delivery.LastError = e.Message;
            await db.SaveChangesAsync(CancellationToken.None);
            throw;
        }

        await db.SaveChangesAsync(CancellationToken.None);
        logger.LogInformation("deliver: story {StoryId} sent to {Kind}:{Address} (delivery {DeliveryId})",
            story.Id, destination.Kind, destination.Address, deliveryId);
    }
}
