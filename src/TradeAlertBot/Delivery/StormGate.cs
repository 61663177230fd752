using Microsoft.EntityFrameworkCore;
using TradeAlertBot.Storage;

namespace TradeAlertBot.Deliveries;

/// <summary>
/// Counts single alerts per destination in fixed windows (Delivery:StormWindow) with conditional updates in the
/// database, so concurrent workers and processes agree exactly: the first StormThreshold alerts of a window pass,
/// the rest are held for one summary when the window ends.
/// </summary>
public static class StormGate
{
    /// <summary>Takes a place in the current window; null if it passed, else when the window (the storm) ends.</summary>
    public static async Task<DateTimeOffset?> TryPassAsync(TradeAlertDbContext db, long destinationId, DateTimeOffset now, DeliveryOptions options, CancellationToken ct)
    {
        var windowStart = now - options.StormWindow;
        await db.Destinations
            .Where(d => d.Id == destinationId && (d.StormWindowStart == null || d.StormWindowStart <= windowStart))
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.StormWindowStart, now).SetProperty(d => d.StormWindowCount, 0), ct);
        var passed = await db.Destinations
            .Where(d => d.Id == destinationId && d.StormWindowCount < options.StormThreshold)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.StormWindowCount, d => d.StormWindowCount + 1), ct);
        if (passed == 1)
        {
            return null;
        }

        var start = await db.Destinations.Where(d => d.Id == destinationId).Select(d => d.StormWindowStart).FirstAsync(ct);
        return (start ?? now) + options.StormWindow;
    }
}
