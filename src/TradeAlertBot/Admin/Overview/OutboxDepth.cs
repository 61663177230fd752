using Microsoft.EntityFrameworkCore;
using TradeAlertBot.Storage;
using TradeAlertBot.Storage.Entities;

namespace TradeAlertBot.Admin.Overview;

/// <summary>Outbox rows per state (counted in SQL), and how many unsent rows are held for a digest, mute, quiet hours or a storm.</summary>
public sealed record OutboxDepth(IReadOnlyList<(DeliveryState State, int Count)> States, int Held)
{
    public static async Task<OutboxDepth> LoadAsync(TradeAlertDbContext db, CancellationToken ct)
    {
        var counts = await db.Deliveries.AsNoTracking()
            .GroupBy(d => d.State)
            .Select(g => new { State = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.State, g => g.Count, ct);
        var held = await db.Deliveries.AsNoTracking().CountAsync(d => d.HeldFor != null && d.State != DeliveryState.Sent && d.State != DeliveryState.Dead, ct);
        return new OutboxDepth([.. Enum.GetValues<DeliveryState>().Select(s => (s, counts.GetValueOrDefault(s)))], held);
    }
}
