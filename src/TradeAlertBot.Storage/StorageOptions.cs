namespace TradeAlertBot.Storage;

/// <summary>Settings section "Storage". The connection string is <c>ConnectionStrings:Default</c>.</summary>
public sealed class StorageOptions
{
    public const string DefaultSqlite = "Data Source=./data/tradealertbot.db";

    /// <summary>"sqlite" (default).</summary>
    public string Provider { get; set; } = "sqlite";
}
