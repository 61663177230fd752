using System.Data;
using System.Reflection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using TradeAlertBot.Storage;

namespace TradeAlertBot.Cli;

/// <summary>
/// Copies every table of the model from one database into another through EF Core, so what differs between
/// providers (JSON arrays or text[], ticks) stays the model's business. Rows keep their ids and every value as
/// stored, encrypted secrets included. The source is read in one snapshot; the target is written in one transaction
/// that commits only when every table's count matches, so a failed copy leaves the target as it was.
/// </summary>
internal sealed class DatabaseCopy(TradeAlertDbContext source, TradeAlertDbContext target)
{
    private const int BatchSize = 1000;

    private static readonly MethodInfo CopyRowsMethod =
        typeof(DatabaseCopy).GetMethod(nameof(CopyRowsAsync), BindingFlags.NonPublic | BindingFlags.Instance)!;

    /// <summary>Copies all rows; returns the counts and whether the target committed (only when all match).</summary>
    public async Task<(IReadOnlyList<TableCount> Counts, bool Committed)> RunAsync(bool replace, CancellationToken ct)
    {
        var tables = TableOrder.Of(target.Model);
        await using var snapshot = await BeginSnapshotAsync(ct);
        await using var write = await target.Database.BeginTransactionAsync(ct);
        target.ChangeTracker.AutoDetectChangesEnabled = false;

        var occupied = new List<string>();
        foreach (var table in tables)
        {
            if (await CountAsync(target, table, ct) is > 0 and var rows)
            {
                occupied.Add($"{table.GetTableName()}: {rows}");
            }
        }

        if (occupied.Count > 0 && !replace)
        {
            throw DatabaseCopyException.Usage(
                $"--to: the database already holds rows ({string.Join(", ", occupied)}); copy into an empty database, or pass --replace to delete them first");
        }

        foreach (var table in tables.Reverse())
        {
            var delete = "DELETE FROM " + Name(target, table);
            await target.Database.ExecuteSqlRawAsync(delete, ct);
        }

        foreach (var table in tables)
        {
            await (Task)CopyRowsMethod.MakeGenericMethod(table.ClrType).Invoke(this, [table, ct])!;
        }

        if (target.Database.IsNpgsql())
        {
            await ResetIdentitiesAsync(tables, ct);
        }

        var counts = new List<TableCount>();
        foreach (var table in tables)
        {
            counts.Add(new TableCount(table.GetTableName()!, await CountAsync(source, table, ct), await CountAsync(target, table, ct)));
        }

        if (counts.TrueForAll(c => c.Matches))
        {
            await write.CommitAsync(ct);
            return (counts, true);
        }

        await write.RollbackAsync(ct);
        return (counts, false);
    }

    // A consistent read of all tables while the service may still be writing: a deferred SQLite transaction reads one
    // snapshot (and takes no write lock, which a read-only connection could not), PostgreSQL's repeatable read too.
    private async Task<IDbContextTransaction> BeginSnapshotAsync(CancellationToken ct)
    {
        if (source.Database.IsNpgsql())
        {
            return await source.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
        }

        await source.Database.OpenConnectionAsync(ct);
        var connection = (SqliteConnection)source.Database.GetDbConnection();
        return (await source.Database.UseTransactionAsync(connection.BeginTransaction(deferred: true), ct))!;
    }

    private async Task CopyRowsAsync<T>(IEntityType table, CancellationToken ct)
        where T : class
    {
        var key = table.FindPrimaryKey()!.Properties;
        var rows = source.Set<T>().AsNoTracking().OrderBy(r => EF.Property<object>(r, key[0].Name));
        foreach (var more in key.Skip(1))
        {
            rows = rows.ThenBy(r => EF.Property<object>(r, more.Name));
        }

        var batch = new List<T>(BatchSize);
        await foreach (var row in rows.AsAsyncEnumerable().WithCancellation(ct))
        {
            batch.Add(row);
            if (batch.Count == BatchSize)
            {
                await SaveAsync(table, batch, ct);
            }
        }

        await SaveAsync(table, batch, ct);
    }

    private async Task SaveAsync<T>(IEntityType table, List<T> batch, CancellationToken ct)
        where T : class
    {
        if (batch.Count == 0)
        {
            return;
        }

        target.AddRange(batch);
        try
        {
            await target.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e)
        {
            var key = table.FindPrimaryKey()!.Properties[0].GetGetter();
            throw DatabaseCopyException.Failed(
                $"{table.GetTableName()}, rows {key.GetClrValue(batch[0])} to {key.GetClrValue(batch[^1])}: {(e.InnerException ?? e).Message}");
        }

        target.ChangeTracker.Clear();
        batch.Clear();
    }

    // Rows were inserted with their ids, which leaves PostgreSQL's identity sequences at 1: move each past the
    // highest id so the next insert does not collide. (SQLite's AUTOINCREMENT follows explicit ids by itself.)
    private async Task ResetIdentitiesAsync(IEnumerable<IEntityType> tables, CancellationToken ct)
    {
        var sql = target.GetService<ISqlGenerationHelper>();
        foreach (var table in tables)
        {
            if (table.FindPrimaryKey()!.Properties is not [{ ValueGenerated: ValueGenerated.OnAdd } id]
                || !(id.ClrType == typeof(long) || id.ClrType == typeof(int)))
            {
                continue;
            }

            var column = sql.DelimitIdentifier(id.GetColumnName());
            var name = Name(target, table);
            var reset = $"SELECT setval(pg_get_serial_sequence('{name.Replace("'", "''")}', '{id.GetColumnName().Replace("'", "''")}'), " +
                        $"COALESCE(MAX({column}), 0) + 1, false) FROM {name}";
            await target.Database.ExecuteSqlRawAsync(reset, ct);
        }
    }

    private static async Task<long> CountAsync(TradeAlertDbContext db, IEntityType table, CancellationToken ct)
    {
        var count = "SELECT COUNT(*) AS \"Value\" FROM " + Name(db, table);
        return await db.Database.SqlQueryRaw<long>(count).SingleAsync(ct);
    }

    // Table names come from the model, never from input, and are delimited by the provider's own helper.
    private static string Name(TradeAlertDbContext db, IEntityType table) =>
        db.GetService<ISqlGenerationHelper>().DelimitIdentifier(table.GetTableName()!, table.GetSchema());
}
