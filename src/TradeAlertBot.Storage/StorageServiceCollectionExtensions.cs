using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

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
            .Validate(o => IsSupported(o.Provider), "Storage:Provider must be 'sqlite'")
            .Validate(o => o.BusyTimeout >= TimeSpan.Zero && o.BusyTimeout <= TimeSpan.FromMinutes(10), "Storage:BusyTimeout must be between 00:00:00 and 00:10:00")
            .ValidateOnStart();
        services.AddDbContextFactory<TradeAlertDbContext>((provider, db) => Configure(db, provider.GetRequiredService<IConfiguration>()));
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<TradeAlertDbContext>>().CreateDbContext());
        return services;
    }

    public static void Configure(DbContextOptionsBuilder db, IConfiguration configuration)
    {
        var options = configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>() ?? new StorageOptions();
        var connectionString = StorageOptions.ConnectionString(configuration);
        if (!IsSupported(options.Provider))
        {
            throw new InvalidOperationException(
                $"storage: Storage:Provider '{options.Provider}' is not supported; use 'sqlite'");
        }

        PrepareSqliteFile(connectionString);
        db.UseSqlite(connectionString).AddInterceptors(new SqlitePragmas(options.BusyTimeout));
    }

    private static bool IsSupported(string provider) => string.Equals(provider, "sqlite", StringComparison.OrdinalIgnoreCase);

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
