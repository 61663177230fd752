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

    /// <summary>The "Storage" section of <paramref name="configuration"/>, or the defaults.</summary>
    public static StorageOptions From(IConfiguration configuration) =>
        configuration.GetSection(SectionName).Get<StorageOptions>() ?? new StorageOptions();
}
