using Microsoft.EntityFrameworkCore;
using TradeAlertBot.Storage;

namespace TradeAlertBot.Deliveries;

/// <summary>
/// A per-destination rate limiter kept in the database, so every host process sharing it respects one limit: a
/// send takes the slot with a conditional update of Destination.NextSendAt, and a job that finds it taken is
/// rescheduled for when it frees up — no worker sleeps.
/// </summary>
public static class SendSlots
{
    /// <summary>
    /// Takes the destination's send slot if it is free now (and blocks it for <paramref name="interval"/>); otherwise
    /// returns when it frees up. Nothing is reserved ahead, so a late job never bunches up with another.
    /// </summary>
    public static async Task<DateTimeOffset?> TryTakeAsync(TradeAlertDbContext db, long destinationId, TimeSpan interval, DateTimeOffset now, CancellationToken ct)
    {
        var taken = await db.Destinations
            .Where(d => d.Id == destinationId && (d.NextSendAt == null || d.NextSendAt <= now))
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.NextSendAt, now + interval), ct);
        return taken == 1 ? null : await db.Destinations.Where(d => d.Id == destinationId).Select(d => d.NextSendAt).FirstAsync(ct) ?? now;
    }

    /// <summary>A platform said "slow down": nobody sends to the destination before <paramref name="until"/>.</summary>
    public static Task PushBackAsync(TradeAlertDbContext db, long destinationId, DateTimeOffset until, CancellationToken ct) =>
        db.Destinations.Where(d => d.Id == destinationId && (d.NextSendAt == null || d.NextSendAt < until))
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.NextSendAt, until), ct);
}
