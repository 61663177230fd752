using Microsoft.EntityFrameworkCore;
using TradeAlertBot.Storage;
using TradeAlertBot.Storage.Entities;

namespace TradeAlertBot.Deliveries;

/// <summary>
/// Puts failed, dead or stuck rows back to pending so the sweep sends them. A sent row, or one a worker is sending
/// right now, is never touched — the conditions are in the UPDATE itself — so a replay cannot post an alert twice.
/// </summary>
public static class OutboxReplay
{
    public static Task<int> ReplayAsync(TradeAlertDbContext db, IReadOnlyCollection<long> ids, DateTimeOffset now, CancellationToken ct) =>
        db.Deliveries
            .Where(d => ids.Contains(d.Id) && d.State != DeliveryState.Sent)
            .Where(d => d.State != DeliveryState.Sending || d.ClaimedUntil == null || d.ClaimedUntil < now)
            .ExecuteUpdateAsync(s => s
                .SetProperty(d => d.State, DeliveryState.Pending)
                .SetProperty(d => d.Attempts, 0)
                .SetProperty(d => d.SlotAt, (DateTimeOffset?)null)
                .SetProperty(d => d.ClaimedUntil, (DateTimeOffset?)null), ct);
}
