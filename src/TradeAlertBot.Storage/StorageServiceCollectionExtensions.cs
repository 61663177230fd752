using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace TradeAlertBot.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>Registers <see cref="TradeAlertDbContext"/> (pooled factory and scoped context) from settings.</summary>
    public static IServiceCollection AddStorage(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection("Storage").Get<StorageOptions>() ?? new StorageOptions();
        var connectionString = configuration.GetConnectionString("Default") ?? StorageOptions.DefaultSqlite;
        if (!string.Equals(options.Provider, "sqlite", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException(
                $"storage: Storage:Provider '{options.Provider}' is not supported; use 'sqlite'");
        }

        PrepareSqliteFile(connectionString);
        services.AddDbContextFactory<TradeAlertDbContext>(db => db.UseSqlite(connectionString));
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<TradeAlertDbContext>>().CreateDbContext());
        return services;
    }

    // SQLite creates the file but not its folder (./data on a fresh clone).
    private static void PrepareSqliteFile(string connectionString)
    {
        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        var folder = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(dataSource) && dataSource != ":memory:" && folder is not null)
        {
            Directory.CreateDirectory(folder);
        }
    }
}
