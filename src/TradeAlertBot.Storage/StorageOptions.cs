using Microsoft.Extensions.Configuration;

namespace TradeAlertBot.Storage;

/// <summary>Settings section "Storage". The connection string is <c>ConnectionStrings:Default</c>.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    public const string DefaultSqlite = "Data Source=./data/tradealertbot.db";

    /// <summary><c>ConnectionStrings:Default</c>, or the embedded default database.</summary>
    public static string ConnectionString(IConfiguration configuration) => configuration.GetConnectionString("Default") ?? DefaultSqlite;

    /// <summary>"sqlite" (default).</summary>
    public string Provider { get; set; } = "sqlite";

    /// <summary>How long a write waits for another writer's lock before the operation fails (and is retried later).</summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
