using System.ComponentModel.DataAnnotations;

namespace TradeAlertBot.Jobs;

/// <summary>
/// The <c>Hangfire</c> settings: where jobs are stored and how many the main server runs at once. The job storage's
/// connection string is <c>ConnectionStrings:Hangfire</c>, else <c>ConnectionStrings:Default</c> (its own schema in
/// the bot's database).
/// </summary>
public sealed class JobsOptions
{
    public const string SectionName = "Hangfire";

    public const string InMemory = "inmemory";

    public const string Postgres = "postgres";

    /// <summary>"inmemory" (default: one node, jobs rebuilt from the database at start) or "postgres" (shared by several nodes).</summary>
    public string Storage { get; set; } = InMemory;

    /// <summary>The schema Hangfire.PostgreSql creates and uses.</summary>
    public string Schema { get; set; } = "hangfire";

    /// <summary>
    /// Workers of the main server; unset means max(4, 2 × cores). Polls wait on the network, so more workers than
    /// cores; but each also parses, classifies and takes the store's single writer, and beyond 2 per core they only
    /// contend (bench/README.md: 10 workers on 2 cores ingested 20% less than 4, at 4× the latency).
    /// </summary>
    [Range(1, 256, ErrorMessage = "Hangfire:WorkerCount must be between {1} and {2}")]
    public int? WorkerCount { get; set; }

    public int EffectiveWorkerCount => WorkerCount ?? Math.Max(4, Environment.ProcessorCount * 2);

    public bool IsPostgres => string.Equals(Storage, Postgres, StringComparison.OrdinalIgnoreCase);

    /// <summary><c>ConnectionStrings:Hangfire</c>, else <c>ConnectionStrings:Default</c>.</summary>
    public static string? ConnectionString(IConfiguration configuration) =>
        configuration.GetConnectionString("Hangfire") ?? configuration.GetConnectionString("Default");

    /// <summary>Why these settings cannot work with <paramref name="connectionString"/>, or null when they can.</summary>
    public string? Problem(string? connectionString)
    {
        if (!IsPostgres && !string.Equals(Storage, InMemory, StringComparison.OrdinalIgnoreCase))
        {
            return $"Hangfire:Storage must be 'inmemory' or 'postgres' (not '{Storage}')";
        }

        if (!IsPostgres)
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(Schema) || !Schema.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_'))
        {
            return "Hangfire:Schema must be a lower-case PostgreSQL name (letters, digits, _)";
        }

        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return "Hangfire:Storage 'postgres' needs ConnectionStrings:Hangfire or ConnectionStrings:Default (an Npgsql connection string)";
        }

        return TradeAlertBot.Storage.StorageOptions.IsNpgsqlConnectionString(connectionString)
            ? null
            : "Hangfire:Storage 'postgres': the connection string (ConnectionStrings:Hangfire, else ConnectionStrings:Default) is not an Npgsql connection string";
    }
}
