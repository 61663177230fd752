using Microsoft.EntityFrameworkCore;
using TradeAlertBot.Core.Alerts;
using TradeAlertBot.Storage;
using TradeAlertBot.Storage.Entities;

namespace TradeAlertBot.Deliveries;

/// <summary>The registered alert senders, one per destination kind, and the send itself for <see cref="AlertPoster"/>.</summary>
public sealed class AlertSenders(TradeAlertDbContext db, IEnumerable<IAlertSender> senders, TimeProvider time)
{
    /// <summary>The sender for the destination's kind (Slack, Teams, …).</summary>
    public IAlertSender For(Destination destination) =>
        senders.FirstOrDefault(s => s.Kind == destination.Kind)
        ?? throw new InvalidOperationException($"delivery: no sender for destination kind '{destination.Kind}'");

    /// <summary>
    /// Sends the rows: none, nothing; one alert as itself (tagged with its delivery id where the sender can look it up
    /// later); several as one digest. Every row counts an attempt. Returns the posted message's id, if kept.
    /// </summary>
    public async Task<string?> SendAsync(Destination destination, IReadOnlyList<Delivery> deliveries, CancellationToken ct)
    {
        if (deliveries.Count == 0)
        {
            return null;
        }

        var sender = For(destination);
        foreach (var delivery in deliveries)
        {
            delivery.Attempts++;
        }

        if (deliveries.Count > 1)
        {
            // A digest's id is not kept: a row's message id is what an outlet update edits, and that is one alert.
            await sender.SendDigestAsync(destination.Address, deliveries.Select(AlertFactory.For).ToList(), ct);
            return null;
        }

        var single = deliveries[0];
        var alert = AlertFactory.For(single);
        if (sender is not IRecoverableAlertSender recoverable)
        {
            return await sender.SendAsync(destination.Address, alert, ct);
        }

        // Stored before posting (inside the slot, which frees whatever happens), so a crash mid-post leaves the time
        // the next attempt's lookup window starts from.
        single.AttemptedAt = time.GetUtcNow();
        await db.Deliveries.Where(d => d.Id == single.Id).ExecuteUpdateAsync(s => s.SetProperty(d => d.AttemptedAt, single.AttemptedAt), ct);
        return await recoverable.SendAsync(destination.Address, alert, single.Id, ct);
    }
}
