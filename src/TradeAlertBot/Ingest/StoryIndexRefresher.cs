using Microsoft.EntityFrameworkCore;
using TradeAlertBot.Core.Items;
using TradeAlertBot.Storage;

namespace TradeAlertBot.Ingest;

/// <summary>
/// Loads into the in-memory <see cref="StoryIndex"/> the stories saved since its last refresh (by this process or
/// another), once per batch of items: the index itself stays a pure structure in Core. Called by one store step at a
/// time (the ingestor's gate), so its watermark needs no lock of its own.
/// </summary>
public sealed class StoryIndexRefresher(StoryIndex index, TimeProvider time)
{
    /// <summary>
    /// How long an id below the watermark that was not there is looked for again. Ids are drawn when a story is
    /// inserted but seen when its transaction commits, so on PostgreSQL another node's story may commit after a
    /// higher id was loaded; a store step commits well within this (its poll's parse deadline), and an id missing
    /// longer was rolled back.
    /// </summary>
    public static readonly TimeSpan GapLifetime = TimeSpan.FromMinutes(10);

    private readonly Dictionary<long, DateTimeOffset> _gaps = [];
    private long _since;

    public async Task RefreshAsync(TradeAlertDbContext db, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var cutoff = now - StoryIndex.Window;
        var since = _since;
        var gaps = _gaps.Keys.ToList();
        var fresh = await db.Stories.AsNoTracking()
            .Where(s => (s.Id > since || gaps.Contains(s.Id)) && s.FirstSeenAt >= cutoff)
            .Select(s => new { s.Id, s.Fingerprint, s.FirstSeenAt })
            .ToListAsync(ct);
        index.Refresh(fresh.Select(s => (s.Id, StoryFingerprint.Parse(s.Fingerprint), s.FirstSeenAt)));
        Advance(fresh.Select(s => s.Id).ToHashSet(), now);
    }

    // The ids skipped between the old watermark and the highest id loaded become gaps, looked for on each refresh.
    // The first refresh starts from the lowest id it loaded: anything below that is past the window anyway.
    private void Advance(HashSet<long> loaded, DateTimeOffset now)
    {
        foreach (var id in loaded)
        {
            _gaps.Remove(id);
        }

        foreach (var (id, seen) in _gaps.ToList())
        {
            if (now - seen > GapLifetime)
            {
                _gaps.Remove(id);
            }
        }

        if (loaded.Count == 0)
        {
            return;
        }

        var from = _since == 0 ? loaded.Min() : _since;
        var to = loaded.Max();
        for (var id = from + 1; id < to; id++)
        {
            if (!loaded.Contains(id))
            {
                _gaps.TryAdd(id, now);
            }
        }

        _since = Math.Max(_since, to);
    }
}
