using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

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
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>();
        services.AddDbContextFactory<TradeAlertDbContext>((provider, db) => Configure(db, provider.GetRequiredService<IConfiguration>()));
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<TradeAlertDbContext>>().CreateDbContext());
        return services;
    }

    public static void Configure(DbContextOptionsBuilder db, IConfiguration configuration) =>
        Configure(db, StorageOptions.From(configuration), configuration.GetConnectionString("Default"));

    /// <summary>
    /// Points <paramref name="db"/> at the provider in <paramref name="options"/> (also used by the migration
    /// scaffolder); settings that cannot work throw with <see cref="StorageOptions.Problem"/>'s message.
    /// </summary>
    public static void Configure(DbContextOptionsBuilder db, StorageOptions options, string? connectionString)
    {
        if (options.Problem(connectionString) is { } problem)
        {
            throw new InvalidOperationException("storage: " + problem);
        }

        if (options.IsPostgres)
        {
            db.UseNpgsql(connectionString);
            return;
        }

        connectionString ??= StorageOptions.DefaultSqlite;
        PrepareSqliteFile(connectionString);
        db.UseSqlite(connectionString).AddInterceptors(new SqlitePragmas(options.BusyTimeout));
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
