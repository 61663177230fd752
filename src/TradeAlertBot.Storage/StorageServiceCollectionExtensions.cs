using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace TradeAlertBot.Storage;

public static class StorageServiceCollectionExtensions
{
    private const UnixFileMode OwnerOnlyFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>
    /// Registers <see cref="TradeAlertDbContext"/> (a factory, and a scoped context) from <c>Storage:Provider</c> and
    /// <c>ConnectionStrings:Default</c>. Settings are read when the context is first built, so a test host's
    /// overrides apply.
    /// </summary>
    public static IServiceCollection AddStorage(this IServiceCollection services)
    {
        services.AddOptions<StorageOptions>()
            .BindConfiguration(StorageOptions.SectionName)
            .Validate(o => o.IsSqlite || o.IsPostgres, "Storage:Provider must be 'sqlite' or 'postgres'")
            .Validate<IConfiguration>(
                (o, configuration) => !o.IsPostgres || !string.IsNullOrWhiteSpace(configuration.GetConnectionString("Default")),
                "Storage:Provider 'postgres' needs ConnectionStrings:Default (an Npgsql connection string, e.g. \"Host=localhost;Database=tradealertbot;Username=bot;Password=...\")")
            .Validate<IConfiguration>(
                (o, configuration) => !o.IsPostgres || string.IsNullOrWhiteSpace(configuration.GetConnectionString("Default"))
                    || IsNpgsqlConnectionString(configuration.GetConnectionString("Default")!),
                "Storage:Provider 'postgres': ConnectionStrings:Default is not an Npgsql connection string (Host=...;Database=...;Username=...)")
            .Validate(o => o.BusyTimeout >= TimeSpan.Zero && o.BusyTimeout <= TimeSpan.FromMinutes(10), "Storage:BusyTimeout must be between 00:00:00 and 00:10:00")
            .ValidateOnStart();
        services.AddDbContextFactory<TradeAlertDbContext>((provider, db) => Configure(db, provider.GetRequiredService<IConfiguration>()));
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<TradeAlertDbContext>>().CreateDbContext());
        return services;
    }

    public static void Configure(DbContextOptionsBuilder db, IConfiguration configuration)
    {
        var options = StorageOptions.From(configuration);
        if (options.IsPostgres && string.IsNullOrWhiteSpace(configuration.GetConnectionString("Default")))
        {
            throw new InvalidOperationException("storage: Storage:Provider 'postgres' needs ConnectionStrings:Default");
        }

        Configure(db, options, StorageOptions.ConnectionString(configuration));
    }

    /// <summary>Points <paramref name="db"/> at the provider in <paramref name="options"/> (also used by the migration scaffolder).</summary>
    public static void Configure(DbContextOptionsBuilder db, StorageOptions options, string connectionString)
    {
        if (options.IsPostgres)
        {
            db.UseNpgsql(NpgsqlConnectionString(connectionString));
        }
        else if (options.IsSqlite)
        {
            PrepareSqliteFile(connectionString);
            db.UseSqlite(connectionString).AddInterceptors(new SqlitePragmas(options.BusyTimeout));
        }
        else
        {
            throw new InvalidOperationException(
                $"storage: Storage:Provider '{options.Provider}' is not supported; use 'sqlite' or 'postgres'");
        }
    }

    // A SQLite string left in place when switching to PostgreSQL would otherwise fail deep inside Npgsql with
    // "Couldn't set data source", naming neither setting.
    private static string NpgsqlConnectionString(string connectionString) => IsNpgsqlConnectionString(connectionString)
        ? connectionString
        : throw new InvalidOperationException("storage: Storage:Provider 'postgres': ConnectionStrings:Default is not an Npgsql connection string (Host=...;Database=...;Username=...)");

    private static bool IsNpgsqlConnectionString(string connectionString)
    {
        try
        {
            _ = new NpgsqlConnectionStringBuilder(connectionString);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    // SQLite creates the file but not its folder (./data on a fresh clone). It would create the file with the umask's
    // mode (usually 0644, world-readable) and its -wal/-shm files with the file's mode, so on Linux the folder is
    // created 0700 and the file 0600 before SQLite opens it: the database holds workspace tokens and webhook URLs.
    private static void PrepareSqliteFile(string connectionString)
    {
        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (string.IsNullOrEmpty(dataSource) || dataSource == ":memory:")
        {
            return;
        }

        var path = Path.GetFullPath(dataSource);
        var folder = Path.GetDirectoryName(path);
        if (!OperatingSystem.IsLinux())
        {
            if (folder is not null)
            {
                Directory.CreateDirectory(folder);
            }

            return;
        }

        if (folder is not null && !Directory.Exists(folder))
        {
            Directory.CreateDirectory(folder, OwnerOnlyFolder);
        }

        if (!File.Exists(path))
        {
            try
            {
                using var created = new FileStream(path, new FileStreamOptions
                {
                    Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = OwnerOnlyFile,
                });
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another context created it first; that one used the same mode.
            }
        }
    }

}
