namespace TradeAlertBot.Core.Items;

/// <summary>
/// Fingerprints of recent stories, for recognising a later report of the same story. Looked up through the
/// fingerprints' band keys (locality-sensitive hashing), so the cost per item does not grow with the number of
/// recent stories. The host refreshes it incrementally from the database, so stories made by other host processes
/// count too.
/// </summary>
public sealed class StoryIndex(TimeProvider time)
{
    /// <summary>How far back a new report may join an existing story.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromDays(3);

    /// <summary>
    /// A band key shared by more recent stories than this is made of words nearly every item has (MinHash picks
    /// common words' hashes as minimums), so it says nothing about story identity; it is skipped. A true second
    /// report shares several bands (about 4 of 24 at the threshold), so the rest still find it, and lookups stay
    /// cheap however many stories the window holds — without the cap they grew with the index (O(n²) ingest).
    /// </summary>
    public const int MaxBucket = 64;

    private readonly Lock _lock = new();
    private readonly Dictionary<long, (StoryFingerprint Fingerprint, DateTimeOffset FirstSeen)> _stories = [];
    private readonly Dictionary<ulong, List<long>> _byBand = [];
    private DateTimeOffset _lastPrune;

    /// <summary>The story <paramref name="fingerprint"/> belongs to, if one is known; refresh it first.</summary>
    public long? FindSameStory(StoryFingerprint fingerprint)
    {
        var cutoff = time.GetUtcNow() - Window;
        lock (_lock)
        {
            long? best = null;
            var bestSimilarity = 0.0;
            var seen = new HashSet<long>();
            foreach (var key in fingerprint.BandKeys())
            {
                if (!_byBand.TryGetValue(key, out var ids) || ids.Count > MaxBucket)
                {
                    continue;
                }

                foreach (var id in ids)
                {
                    if (!seen.Add(id))
                    {
                        continue; // shares several bands: compared once
                    }

                    var (candidate, firstSeen) = _stories[id];
                    var similarity = candidate.Similarity(fingerprint);
                    if (firstSeen >= cutoff && similarity >= StoryFingerprint.SameStoryThreshold && similarity > bestSimilarity)
                    {
                        (best, bestSimilarity) = (id, similarity);
                    }
                }
            }

            return best;
        }
    }

    /// <summary>
    /// The band keys <see cref="FindSameStory"/> would consult for <paramref name="fingerprint"/>: all but the
    /// over-full ones. Whoever founds a story after holding these keys cannot miss a same-story founder that held
    /// them too.
    /// </summary>
    public IReadOnlyList<ulong> LookupKeys(StoryFingerprint fingerprint)
    {
        lock (_lock)
        {
            return [.. fingerprint.BandKeys().Where(key => !_byBand.TryGetValue(key, out var ids) || ids.Count <= MaxBucket)];
        }
    }

    /// <summary>Adds a story this process just saved, so the next item can join it.</summary>
    public void Add(long id, StoryFingerprint fingerprint, DateTimeOffset firstSeen)
    {
        lock (_lock)
        {
            AddLocked(id, fingerprint, firstSeen);
        }
    }

    private void AddLocked(long id, StoryFingerprint fingerprint, DateTimeOffset firstSeen)
    {
        if (!_stories.TryAdd(id, (fingerprint, firstSeen)))
        {
            return;
        }

        foreach (var key in fingerprint.BandKeys())
        {
            if (!_byBand.TryGetValue(key, out var ids))
            {
                _byBand[key] = ids = [];
            }

            ids.Add(id);
        }
    }

    /// <summary>Adds stories loaded from the database (saved by any process) and forgets those past the window.</summary>
    public void Refresh(IEnumerable<(long Id, StoryFingerprint Fingerprint, DateTimeOffset FirstSeen)> fresh)
    {
        var cutoff = time.GetUtcNow() - Window;
        lock (_lock)
        {
            foreach (var (id, fingerprint, firstSeen) in fresh)
            {
                AddLocked(id, fingerprint, firstSeen);
            }

            Prune(cutoff);
        }
    }

    // Stories older than the window can no longer be joined; drop them so memory stays bounded.
    private void Prune(DateTimeOffset cutoff)
    {
        var now = time.GetUtcNow();
        if (now - _lastPrune < TimeSpan.FromMinutes(10))
        {
            return;
        }

        _lastPrune = now;

        var old = _stories.Where(s => s.Value.FirstSeen < cutoff).Select(s => s.Key).ToHashSet();
        if (old.Count == 0)
        {
            return;
        }

        foreach (var id in old)
        {
            _stories.Remove(id);
        }

        foreach (var (key, ids) in _byBand.ToList())
        {
            ids.RemoveAll(old.Contains);
            if (ids.Count == 0)
            {
                _byBand.Remove(key);
            }
        }
    }
}
