using Microsoft.EntityFrameworkCore;
using TradeAlertBot.Storage;

namespace TradeAlertBot.Ingest;

/// <summary>Drops the items a feed already stored, known by dedupe key (GUID or link) or by content hash.</summary>
internal static class KnownItems
{
    public static async Task<List<NormalizedItem>> WithoutKnownAsync(
        TradeAlertDbContext db, long feedId, List<NormalizedItem> candidates, CancellationToken ct)
    {
        var keys = candidates.Select(c => c.DedupeKey).ToList();
        var hashes = candidates.Select(c => c.ContentHash).ToList();
        // Two queries, one per index: SQLite cannot use either index for "key IN (…) OR hash IN (…)".
        var knownKeys = (await db.Items.AsNoTracking()
            .Where(i => i.FeedId == feedId && keys.Contains(i.DedupeKey))
            .Select(i => i.DedupeKey)
            .ToListAsync(ct)).ToHashSet();
        var knownHashes = (await db.Items.AsNoTracking()
            .Where(i => i.FeedId == feedId && hashes.Contains(i.ContentHash))
            .Select(i => i.ContentHash)
            .ToListAsync(ct)).ToHashSet();
        return [.. candidates.Where(c => !knownKeys.Contains(c.DedupeKey) && !knownHashes.Contains(c.ContentHash))];
    }
}
