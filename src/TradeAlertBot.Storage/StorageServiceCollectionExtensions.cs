using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace TradeAlertBot.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="TradeAlertDbContext"/> (a factory, and a scoped context) from <c>Storage:Provider</c> and
    /// <c>ConnectionStrings:Default</c>. Settings are read when the context is first built, so a test host's
    /// overrides apply.
    /// </summary>
    public static IServiceCollection AddStorage(this IServiceCollection services)
    {
        services.AddDbContextFactory<TradeAlertDbContext>((provider, db) => Configure(db, provider.GetRequiredService<IConfiguration>()));
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<TradeAlertDbContext>>().CreateDbContext());
        return services;
    }

    public static void Configure(DbContextOptionsBuilder db, IConfiguration configuration)
    {
        var options = configuration.GetSection("Storage").Get<StorageOptions>() ?? new StorageOptions();
        var connectionString = configuration.GetConnectionString("Default") ?? StorageOptions.DefaultSqlite;
        if (!string.Equals(options.Provider, "sqlite", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException(
                $"storage: Storage:Provider '{options.Provider}' is not supported; use 'sqlite'");
        }

        PrepareSqliteFile(connectionString);
        db.UseSqlite(connectionString).AddInterceptors(new SqlitePragmas(options.BusyTimeout));
    }

    // SQLite creates the file but not its folder (./data on a fresh clone).
    private static void PrepareSqliteFile(string connectionString)
    {
        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (string.IsNullOrEmpty(dataSource) || dataSource == ":memory:")
        {
            return;
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }
    }
}
