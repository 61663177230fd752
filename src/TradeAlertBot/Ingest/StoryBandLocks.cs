using Microsoft.EntityFrameworkCore;
using TradeAlertBot.Core.Items;
using TradeAlertBot.Storage;

namespace TradeAlertBot.Ingest;

/// <summary>
/// Makes "is this a known story, else found it" atomic across nodes on PostgreSQL. Each node finds stories in its
/// own in-memory <see cref="StoryIndex"/>, so two nodes storing two reports of one story at the same moment would each
/// miss the other's uncommitted story and found two. A store step therefore first takes a transaction-scoped
/// advisory lock (https://www.postgresql.org/docs/current/functions-admin.html#FUNCTIONS-ADVISORY-LOCKS) on every band
/// key its items look stories up by, and only then refreshes the index: a same-story founder shares a key, so it has
/// either committed (and the refresh loads its story) or waits for this step's commit. Locks are taken in sorted
/// order, so two steps never wait on each other in a circle, and are released by the commit, whatever happens.
/// Chosen over a serialisable store step with retry: only steps sharing a key wait, and nothing is stored twice over.
/// SQLite needs none of this: its one writer is one process, whose store steps the ingestor's gate already runs one
/// at a time.
/// </summary>
internal static class StoryBandLocks
{
    // The first key of the two-key advisory lock form: the class of lock, apart from the migration lock and from
    // other applications' locks in a shared database ("STRY" in ASCII).
    private const int Namespace = 0x53545259;

    public static bool Needed(TradeAlertDbContext db) => db.Database.IsNpgsql();

    /// <summary>Waits for, and holds until the current transaction ends, the locks of the given fingerprints' keys.</summary>
    /// <param name="actionKeys">The trade-action keys (document numbers, dockets) the items look their stories up by:
    /// locked the same way, so two nodes reading one document found one story (its keys are unique in the database too).</param>
    public static async Task TakeAsync(TradeAlertDbContext db, StoryIndex index, IEnumerable<StoryFingerprint> fingerprints,
        IEnumerable<string> actionKeys, CancellationToken ct)
    {
        // Folded to 32 bits for the two-key form: two keys folding alike only make two steps wait for each other.
        var keys = fingerprints.SelectMany(index.LookupKeys).Concat(actionKeys.Select(StableHash))
            .Select(key => (int)(key ^ (key >> 32))).Distinct().Order().ToArray();
        if (keys.Length == 0)
        {
            return;
        }

        // The ORDER BY in a subquery keeps it from being flattened, so the locks are taken in that order.
        await db.Database.ExecuteSqlAsync(
            $"SELECT pg_advisory_xact_lock({Namespace}, k) FROM (SELECT unnest({keys}) AS k ORDER BY 1) AS sorted", ct);
    }

    // The same number on every node and run (string.GetHashCode is randomised per process).
    private static ulong StableHash(string key) =>
        BitConverter.ToUInt64(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key)), 0);
}
