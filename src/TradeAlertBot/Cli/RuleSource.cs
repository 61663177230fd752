using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using TradeAlertBot.Core.Categories;
using TradeAlertBot.Core.Rules;
using TradeAlertBot.Ingest;
using TradeAlertBot.Storage;

namespace TradeAlertBot.Cli;

/// <summary>
/// Loads the rules a CLI verb runs with: a file or folder given by --rules; else the service's rules from its
/// database (same settings as the service) when that database exists; else the built-in pack.
/// </summary>
internal static class RuleSource
{
    /// <summary>Returns the compiled rules, or null after printing every error with its line and column.</summary>
    public static async Task<RuleSet?> LoadAsync(string? path, CliConsole console, CancellationToken ct)
    {
        if (path is null)
        {
            return RuleSet.Compile(await ServiceRulesAsync(console, ct) ?? DefaultRulePack.Load());
        }

        if (!File.Exists(path) && !Directory.Exists(path))
        {
            console.Error.WriteLine($"rules: {path}: no such file or directory");
            return null;
        }

        var errors = RuleFile.Check(path);
        if (errors.Count > 0)
        {
            RulesCommand.Print(errors, console.Error);
            return null;
        }

        return RuleSet.Compile(RuleFile.LoadAll(path));
    }

    private static async Task<IReadOnlyList<Rule>?> ServiceRulesAsync(CliConsole console, CancellationToken ct)
    {
        var connectionString = StorageOptions.ConnectionString(console.Configuration);
        if (StorageOptions.From(console.Configuration).IsSqlite && !File.Exists(new SqliteConnectionStringBuilder(connectionString).DataSource))
        {
            return null; // never started: don't create a database just to classify
        }

        await using var db = await console.OpenDatabaseAsync(ct);
        var rules = await RuleCatalog.LoadAsync(db, (name, reason) => console.Error.WriteLine($"rules: stored rule {name} skipped: {reason}"), ct);
        return rules.Count > 0 ? rules : null;
    }
}
