using Microsoft.EntityFrameworkCore;
using TradeAlertBot.Core.Items;
using TradeAlertBot.Storage;

namespace TradeAlertBot.Ingest;

/// <summary>
/// Loads into the in-memory <see cref="StoryIndex"/> the stories saved since its last refresh (by this process or
/// another), once per batch of items: the index itself stays a pure structure in Core.
/// </summary>
public sealed class StoryIndexRefresher(StoryIndex index, TimeProvider time)
{
    public async Task RefreshAsync(TradeAlertDbContext db, CancellationToken ct)
    {
        var since = index.MaxId;
        var cutoff = time.GetUtcNow() - StoryIndex.Window;
        var fresh = await db.Stories.AsNoTracking()
            .Where(s => s.Id > since && s.FirstSeenAt >= cutoff)
            .Select(s => new { s.Id, s.Fingerprint, s.FirstSeenAt })
            .ToListAsync(ct);
        index.Refresh(fresh.Select(s => (s.Id, StoryFingerprint.Parse(s.Fingerprint), s.FirstSeenAt)));
    }
}
