using Microsoft.Extensions.Configuration;

namespace TradeAlertBot.Storage;

/// <summary>Settings section "Storage". The connection string is <c>ConnectionStrings:Default</c>.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    public const string Sqlite = "sqlite";

    public const string Postgres = "postgres";

    public const string DefaultSqlite = "Data Source=./data/tradealertbot.db";

    /// <summary><c>ConnectionStrings:Default</c>, or the embedded default database.</summary>
    public static string ConnectionString(IConfiguration configuration) => configuration.GetConnectionString("Default") ?? DefaultSqlite;

    /// <summary>"sqlite" (default) or "postgres" (an Npgsql connection string in <c>ConnectionStrings:Default</c>).</summary>
    public string Provider { get; set; } = Sqlite;

    /// <summary>How long a SQLite write waits for another writer's lock before the operation fails (and is retried later).</summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(10);

    public bool IsSqlite => string.Equals(Provider, Sqlite, StringComparison.OrdinalIgnoreCase);

    public bool IsPostgres => string.Equals(Provider, Postgres, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Why these settings cannot work with <paramref name="connectionString"/> (<c>ConnectionStrings:Default</c> as
    /// given, null when unset), or null when they can: the one check behind start-up validation and
    /// <see cref="StorageServiceCollectionExtensions.Configure(Microsoft.EntityFrameworkCore.DbContextOptionsBuilder, StorageOptions, string?)"/>.
    /// </summary>
    public string? Problem(string? connectionString)
    {
        if (!IsSqlite && !IsPostgres)
        {
            return $"Storage:Provider must be 'sqlite' or 'postgres' (not '{Provider}')";
        }

        if (BusyTimeout < TimeSpan.Zero || BusyTimeout > TimeSpan.FromMinutes(10))
        {
            return "Storage:BusyTimeout must be between 00:00:00 and 00:10:00";
        }

        if (!IsPostgres)
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return "Storage:Provider 'postgres' needs ConnectionStrings:Default (an Npgsql connection string, e.g. \"Host=localhost;Database=tradealertbot;Username=bot;Password=...\")";
        }

        return IsNpgsqlConnectionString(connectionString)
            ? null
            : "Storage:Provider 'postgres': ConnectionStrings:Default is not an Npgsql connection string (Host=...;Database=...;Username=...)";
    }

    /// <summary>
    /// Whether Npgsql accepts <paramref name="connectionString"/>: a SQLite string left in place when switching to
    /// PostgreSQL would otherwise fail deep inside Npgsql with "Couldn't set data source", naming no setting.
    /// </summary>
    public static bool IsNpgsqlConnectionString(string connectionString)
    {
        try
        {
            _ = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>The "Storage" section of <paramref name="configuration"/>, or the defaults.</summary>
    public static StorageOptions From(IConfiguration configuration) =>
        configuration.GetSection(SectionName).Get<StorageOptions>() ?? new StorageOptions();
}
