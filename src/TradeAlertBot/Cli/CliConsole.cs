using Microsoft.EntityFrameworkCore;
using TradeAlertBot.Hosting;
using TradeAlertBot.Storage;

namespace TradeAlertBot.Cli;

/// <summary>The streams and clock a CLI verb uses, so tests can run verbs in-process.</summary>
public sealed record CliConsole(TextReader In, TextWriter Out, TextWriter Error, TimeProvider Time, IConfiguration Configuration)
{
    /// <summary>The real console, with the service's settings sources (<see cref="AppConfiguration"/>).</summary>
    public static CliConsole System { get; } = new(Console.In, Console.Out, Console.Error, TimeProvider.System, AppConfiguration.ForCli());

    /// <summary>Opens the service's database (same settings as the service), migrated to the current schema.</summary>
    public async Task<TradeAlertDbContext> OpenDatabaseAsync(CancellationToken ct)
    {
        var options = new DbContextOptionsBuilder<TradeAlertDbContext>();
        StorageServiceCollectionExtensions.Configure(options, Configuration);
        var db = new TradeAlertDbContext(options.Options);
        await db.MigrateUnderLockAsync(ct);
        return db;
    }

    /// <summary>Opens FILE, or standard input for "-".</summary>
    public TextReader OpenInput(string path) => path == "-" ? In : new StreamReader(path);
}
