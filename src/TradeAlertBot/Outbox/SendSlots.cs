using Microsoft.EntityFrameworkCore;
using TradeAlertBot.Storage;

namespace TradeAlertBot.Outbox;

/// <summary>
/// A per-destination rate limiter kept in the database, so every host process sharing it respects one limit:
/// each send reserves the next free slot (compare-and-set on Destination.NextSendAt) and waits for it if it lies
/// ahead — the job is rescheduled, no worker sleeps.
/// </summary>
public static class SendSlots
{
    /// <summary>Reserves a slot of <paramref name="interval"/> and returns when it starts (now, or later).</summary>
    public static async Task<DateTimeOffset> ReserveAsync(TradeAlertDbContext db, long destinationId, TimeSpan interval, DateTimeOffset now, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            var current = await db.Destinations.Where(d => d.Id == destinationId).Select(d => d.NextSendAt).FirstAsync(ct);
            var slot = current is { } next && next > now ? next : now;
            var updated = await db.Destinations
                .Where(d => d.Id == destinationId && d.NextSendAt == current)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.NextSendAt, slot + interval), ct);
            if (updated == 1)
            {
                return slot;
            }

            if (attempt == 20)
            {
                throw new InvalidOperationException($"deliver: could not reserve a send slot for destination {destinationId} (contention)");
            }
        }
    }

    /// <summary>A platform said "slow down": nobody sends to the destination before <paramref name="until"/>.</summary>
    public static Task PushBackAsync(TradeAlertDbContext db, long destinationId, DateTimeOffset until, CancellationToken ct) =>
        db.Destinations.Where(d => d.Id == destinationId && (d.NextSendAt == null || d.NextSendAt < until))
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.NextSendAt, until), ct);
}
