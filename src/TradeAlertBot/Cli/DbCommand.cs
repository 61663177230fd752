using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using TradeAlertBot.Storage;

namespace TradeAlertBot.Cli;

/// <summary>
/// <c>db copy</c>: moves an installation to another database (SQLite to PostgreSQL, or back) with every table, ids
/// kept, and checks each table's row count before committing.
/// </summary>
internal static class DbCommand
{
    public static Command Create(CliConsole console)
    {
        var from = new Option<string>("--from") { Description = "Connection string of the database to copy (e.g. \"Data Source=./data/tradealertbot.db\").", Required = true };
        var to = new Option<string>("--to") { Description = "Connection string of the database to fill (e.g. \"Host=db;Database=tradealertbot;Username=bot;Password=...\").", Required = true };
        var fromProvider = new Option<string?>("--from-provider") { Description = "sqlite or postgres; default: read from --from (Data Source= or Host=)." };
        var toProvider = new Option<string?>("--to-provider") { Description = "sqlite or postgres; default: read from --to." };
        fromProvider.AcceptOnlyFromAmong(StorageOptions.Sqlite, StorageOptions.Postgres);
        toProvider.AcceptOnlyFromAmong(StorageOptions.Sqlite, StorageOptions.Postgres);
        var replace = new Option<bool>("--replace") { Description = "Delete the target's rows first (in the same transaction) instead of refusing a database that holds any." };
        var copy = new Command("copy", "Copy every table into another database (migrated first), keeping ids; stop the service first.")
        {
            from, to, fromProvider, toProvider, replace,
        };
        copy.SetAction(async (result, ct) =>
        {
            try
            {
                var source = DatabaseEndpoint.Parse("--from", result.GetRequiredValue(from), result.GetValue(fromProvider));
                var target = DatabaseEndpoint.Parse("--to", result.GetRequiredValue(to), result.GetValue(toProvider));
                return await CopyAsync(source, target, result.GetValue(replace), console, ct);
            }
            catch (DatabaseCopyException e)
            {
                console.Error.WriteLine($"db copy: {e.Message}");
                return e.ExitCode;
            }
        });

        return new Command("db", "Move the database.") { copy };
    }

    private static async Task<int> CopyAsync(DatabaseEndpoint from, DatabaseEndpoint to, bool replace, CliConsole console, CancellationToken ct)
    {
        if (from.SameDatabaseAs(to))
        {
            throw DatabaseCopyException.Usage("--from and --to name the same database");
        }

        await using var source = from.Open(asSource: true);
        await CheckSourceSchemaAsync(source, from, ct);
        await using var target = to.Open(asSource: false);
        try
        {
            await target.MigrateUnderLockAsync(ct);
        }
        catch (Exception e) when (DatabaseError(e) is { } reason)
        {
            throw DatabaseCopyException.Failed($"--to: cannot migrate {to.Shown}: {reason}");
        }

        console.Out.WriteLine($"from {from.Shown}");
        console.Out.WriteLine($"to   {to.Shown} (migrated)");
        var (counts, committed) = await new DatabaseCopy(source, target).RunAsync(replace, ct);
        TableCount.WriteTo(counts, console.Out);
        if (!committed)
        {
            console.Error.WriteLine("db copy: row counts differ (marked MISMATCH); nothing was committed, the target is as it was");
            return 1;
        }

        console.Out.WriteLine($"copied {counts.Sum(c => c.Target)} row(s) in {counts.Count} table(s); every count matches");
        console.Out.WriteLine(
            "Workspace tokens and webhook URLs were copied encrypted, as they were: every node on the new database needs this " +
            "installation's Data Protection key ring (the DataProtection:KeysPath folder) to read them.");
        return 0;
    }

    // The source is read as this version's model; one written by another version would copy wrong or not at all.
    private static async Task CheckSourceSchemaAsync(TradeAlertDbContext source, DatabaseEndpoint from, CancellationToken ct)
    {
        List<string> applied;
        try
        {
            applied = [.. await source.Database.GetAppliedMigrationsAsync(ct)];
        }
        catch (Exception e) when (DatabaseError(e) is { } reason)
        {
            throw DatabaseCopyException.Usage($"--from: cannot read {from.Shown}: {reason}");
        }

        var known = source.Database.GetMigrations().ToList();
        if (applied.Count == 0)
        {
            throw DatabaseCopyException.Usage($"--from: {from.Shown} holds no TradeAlertBot tables (no migration history)");
        }

        if (applied.Except(known).FirstOrDefault() is { } newer)
        {
            throw DatabaseCopyException.Usage($"--from: {from.Shown} was written by a newer version (migration {newer}); copy it with that version");
        }

        if (known.Except(applied).Any())
        {
            throw DatabaseCopyException.Usage(
                $"--from: {from.Shown} is {known.Except(applied).Count()} migration(s) behind this version; start this version once on it (it migrates at start) and copy again");
        }
    }

    // The database's own words: Npgsql's retrying strategy wraps a refused connection in an InvalidOperationException.
    private static string? DatabaseError(Exception e) => e switch
    {
        Npgsql.NpgsqlException or Microsoft.Data.Sqlite.SqliteException => e.Message,
        InvalidOperationException { InnerException: { } inner } => DatabaseError(inner),
        _ => null,
    };
}
