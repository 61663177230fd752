using Microsoft.EntityFrameworkCore;
using TradeAlertBot.Core.Watching;
using TradeAlertBot.Storage;
using TradeAlertBot.Storage.Entities;

namespace TradeAlertBot.Ingest;

/// <summary>Every destination's watch list, read once per batch for routing (lists are short and few).</summary>
internal static class WatchLists
{
    public static async Task<Dictionary<long, WatchList>> LoadAsync(TradeAlertDbContext db, CancellationToken ct)
    {
        var entries = await db.WatchListEntries.AsNoTracking().OrderBy(e => e.Id).ToListAsync(ct);
        return entries.GroupBy(e => e.DestinationId)
            .ToDictionary(g => g.Key, g => new WatchList([.. g.Select(e => e.ToEntry())]));
    }

    public static string? Clip(string? line) =>
        line is { Length: > Delivery.MaxWatchLine } ? line[..(Delivery.MaxWatchLine - 1)] + "…" : line;
}
