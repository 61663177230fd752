using Microsoft.EntityFrameworkCore;

namespace TradeAlertBot.Storage;

public static class SchemaMigrator
{
    // Any fixed 64-bit number works; it only has to be the same on every node and unlikely to collide with
    // another application's advisory locks in a shared database ("TradeAle" in ASCII).
    private const long MigrationLockKey = 0x5472616465416c65;

    /// <summary>
    /// Brings the schema up to date. On PostgreSQL several nodes may start together: the first takes a
    /// session-level advisory lock (https://www.postgresql.org/docs/current/explicit-locking.html#ADVISORY-LOCKS)
    /// and migrates, the others wait for it and then find nothing left to apply. SQLite is one file behind one host.
    /// </summary>
    public static Task MigrateUnderLockAsync(this TradeAlertDbContext db, CancellationToken ct) =>
        db.MigrateUnderLockAsync(_ => Task.CompletedTask, ct);

    /// <summary>
    /// Migrates, then runs <paramref name="thenUnderLock"/> (e.g. first-start seeding, which checks then inserts) under
    /// the same lock, so nodes starting together seed once: the others wait for the lock, then find the data there.
    /// </summary>
    public static async Task MigrateUnderLockAsync(this TradeAlertDbContext db, Func<CancellationToken, Task> thenUnderLock, CancellationToken ct)
    {
        if (!db.Database.IsNpgsql())
        {
            await db.Database.MigrateAsync(ct);
            await thenUnderLock(ct);
            return;
        }

        // The lock belongs to the connection, so the context keeps one open from lock to unlock.
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_lock({MigrationLockKey})", ct);
            try
            {
                await db.Database.MigrateAsync(ct);
                await thenUnderLock(ct);
            }
            finally
            {
                await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_unlock({MigrationLockKey})", CancellationToken.None);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
