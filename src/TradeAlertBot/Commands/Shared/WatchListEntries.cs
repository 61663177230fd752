using Microsoft.EntityFrameworkCore;
using TradeAlertBot.Audit;
using TradeAlertBot.Core.Watching;
using TradeAlertBot.Storage;
using TradeAlertBot.Storage.Entities;

namespace TradeAlertBot.Commands.Shared;

/// <summary>
/// A destination's watch list as chat, the command line and the admin page change it: read in the numbered order
/// <c>watch list</c> shows, entries added (duplicates and the size cap checked) and removed, each change staged in
/// the audit log for the caller's SaveChanges.
/// </summary>
public static class WatchListEntries
{
    /// <summary>The destination's entries, oldest first: entry N is the Nth of this list.</summary>
    public static async Task<List<WatchListEntry>> ForAsync(TradeAlertDbContext db, long destinationId, CancellationToken ct) =>
        destinationId == 0 ? [] : await db.WatchListEntries.Where(e => e.DestinationId == destinationId).OrderBy(e => e.Id).ToListAsync(ct);

    /// <summary>The same goods and country (the label does not count).</summary>
    public static bool Same(WatchListEntry row, WatchEntry entry) =>
        row.HsCode == entry.HsCode && row.Product == entry.Product && row.Country == entry.Country;

    /// <summary>
    /// Stages the entries not yet on <paramref name="existing"/> (which it extends); returns how many were added and
    /// how many were already there. Throws when the list would pass <see cref="WatchList.MaxEntries"/>.
    /// </summary>
    /// <exception cref="Core.Commands.UsageException">Too many entries.</exception>
    public static (int Added, int Known) Add(TradeAlertDbContext db, AuditLog audit, AuditActor actor, Destination destination,
        List<WatchListEntry> existing, IReadOnlyList<WatchEntry> entries, DateTimeOffset now)
    {
        var fresh = entries.Where(e => !existing.Exists(row => Same(row, e))).DistinctBy(e => (e.HsCode, e.Product, e.Country)).ToList();
        if (existing.Count + fresh.Count > WatchList.MaxEntries)
        {
            throw new Core.Commands.UsageException(
                $"A watch list holds at most {WatchList.MaxEntries} entries; this one has {existing.Count}. Remove some first (`watch remove N`).");
        }

        foreach (var entry in fresh)
        {
            var row = new WatchListEntry
            {
                Destination = destination,
                HsCode = entry.HsCode,
                Product = entry.Product,
                Country = entry.Country,
                Label = entry.Label,
                CreatedAt = now,
            };
            db.WatchListEntries.Add(row);
            existing.Add(row);
            if (fresh.Count == 1)
            {
                audit.Stage(actor, AuditAction.WatchAdd, AuditTargets.Destination(destination), null, AuditTargets.WatchEntry(row));
            }
        }

        if (fresh.Count > 1)
        {
            audit.Stage(actor, AuditAction.WatchImport, AuditTargets.Destination(destination), null, $"{fresh.Count} entries added");
        }

        return (fresh.Count, entries.Count - fresh.Count);
    }

    /// <summary>Stages the removal of one entry.</summary>
    public static void Remove(TradeAlertDbContext db, AuditLog audit, AuditActor actor, Destination destination, WatchListEntry row)
    {
        db.WatchListEntries.Remove(row);
        audit.Stage(actor, AuditAction.WatchRemove, AuditTargets.Destination(destination), AuditTargets.WatchEntry(row), null);
    }
}
