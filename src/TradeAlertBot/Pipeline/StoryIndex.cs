using Microsoft.EntityFrameworkCore;
using TradeAlertBot.Core.Items;
using TradeAlertBot.Storage;

namespace TradeAlertBot.Pipeline;

/// <summary>
/// Fingerprints of recent stories, for recognising a later report of the same story. Refreshed incrementally
/// from the database (stories with a higher id than seen), so stories made by other host processes count too.
/// </summary>
public sealed class StoryIndex(TimeProvider time)
{
    /// <summary>How far back a new report may join an existing story.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromDays(3);

    private readonly Lock _lock = new();
    private readonly List<(long Id, StoryFingerprint Fingerprint, DateTimeOffset FirstSeen)> _recent = [];
    private long _maxId;

    public async Task<long?> FindSameStoryAsync(TradeAlertDbContext db, StoryFingerprint fingerprint, CancellationToken ct)
    {
        await RefreshAsync(db, ct);
        var cutoff = time.GetUtcNow() - Window;
        lock (_lock)
        {
            _recent.RemoveAll(s => s.FirstSeen < cutoff);
            long? best = null;
            var bestSimilarity = 0.0;
            foreach (var (id, candidate, _) in _recent)
            {
                var similarity = candidate.Similarity(fingerprint);
                if (similarity >= StoryFingerprint.SameStoryThreshold && similarity > bestSimilarity)
                {
                    (best, bestSimilarity) = (id, similarity);
                }
            }

            return best;
        }
    }

    /// <summary>Adds a story this process just saved, so the next item in the same batch can join it.</summary>
    public void Add(long id, StoryFingerprint fingerprint, DateTimeOffset firstSeen)
    {
        lock (_lock)
        {
            _recent.Add((id, fingerprint, firstSeen));
            _maxId = Math.Max(_maxId, id);
        }
    }

    private async Task RefreshAsync(TradeAlertDbContext db, CancellationToken ct)
    {
        long since;
        lock (_lock)
        {
            since = _maxId;
        }

        var cutoff = time.GetUtcNow() - Window;
        var fresh = await db.Stories.AsNoTracking()
            .Where(s => s.Id > since && s.FirstSeenAt >= cutoff)
            .Select(s => new { s.Id, s.Fingerprint, s.FirstSeenAt })
            .ToListAsync(ct);
        lock (_lock)
        {
            foreach (var story in fresh.Where(s => !_recent.Exists(r => r.Id == s.Id)))
            {
                _recent.Add((story.Id, StoryFingerprint.Parse(story.Fingerprint), story.FirstSeenAt));
            }

            if (fresh.Count > 0)
            {
                _maxId = Math.Max(_maxId, fresh.Max(s => s.Id));
            }
        }
    }
}
