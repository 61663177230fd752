using Microsoft.EntityFrameworkCore;
using TradeAlertBot.Storage;
using TradeAlertBot.TestFakes;

namespace TradeAlertBot.Tests.Storage;

/// <summary>A new empty database of one provider, and contexts on it configured the way the host configures them.</summary>
internal sealed class ProviderDatabase : IDisposable
{
    private readonly string? _file;
    private readonly StorageOptions _options;
    private readonly string _connectionString;

    private ProviderDatabase(string provider, string connectionString, string? file)
    {
        _options = new StorageOptions { Provider = provider };
        _connectionString = connectionString;
        _file = file;
    }

    public static async Task<ProviderDatabase> CreateAsync(string provider)
    {
        if (provider == StorageOptions.Postgres)
        {
            return new ProviderDatabase(provider, await TestPostgres.NewDatabaseAsync(), null);
        }

        var file = Path.Combine(Path.GetTempPath(), $"tab-provider-{Guid.NewGuid():n}.db");
        return new ProviderDatabase(provider, $"Data Source={file}", file);
    }

    public TradeAlertDbContext Open()
    {
        var builder = new DbContextOptionsBuilder<TradeAlertDbContext>();
        StorageServiceCollectionExtensions.Configure(builder, _options, _connectionString);
        return new TradeAlertDbContext(builder.Options);
    }

    public void Dispose()
    {
        if (_file is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(_file);
        }
    }
}
