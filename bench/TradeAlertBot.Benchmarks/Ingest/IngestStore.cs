namespace TradeAlertBot.Benchmarks.Ingest;

/// <summary>
/// The database one multi-node ingest run writes to (SQLite file or PostgreSQL database), and what the run measures
/// of it besides the bot's own process: its size, its server's CPU and its connections.
/// </summary>
internal abstract class IngestStore : IAsyncDisposable
{
    /// <summary>"SQLite" or "PostgreSQL", for the table.</summary>
    public abstract string Name { get; }

    /// <summary>Settings that point a host at this database (and its job storage).</summary>
    public abstract IReadOnlyList<string> HostArgs { get; }

    /// <summary>Bytes on disk: the whole database, and the part that is Hangfire's (0 when jobs are in memory).</summary>
    public abstract Task<(long Total, long Hangfire)> SizeAsync(CancellationToken ct);

    /// <summary>CPU spent by the database server so far (zero for SQLite, which runs inside the bot's process).</summary>
    public abstract TimeSpan ServerCpu();

    /// <summary>Connections the bot holds open to the database now, or null where that does not apply.</summary>
    public abstract Task<int?> ConnectionsAsync(CancellationToken ct);

    public abstract ValueTask DisposeAsync();
}
