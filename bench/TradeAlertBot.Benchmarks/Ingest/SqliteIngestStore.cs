namespace TradeAlertBot.Benchmarks.Ingest;

/// <summary>A temporary SQLite file (WAL mode), jobs in memory: the one-node default.</summary>
internal sealed class SqliteIngestStore : IngestStore
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"tab-ingest-{Guid.NewGuid():n}.db");

    public override string Name => "SQLite";

    public override IReadOnlyList<string> HostArgs => [$"--ConnectionStrings:Default=Data Source={_path}"];

    // The file with its -wal and -shm companions: between checkpoints the WAL holds part of the data.
    public override Task<(long Total, long Hangfire)> SizeAsync(CancellationToken ct) =>
        Task.FromResult((Files().Sum(file => new FileInfo(file).Length), 0L));

    public override TimeSpan ServerCpu() => TimeSpan.Zero;

    public override Task<int?> ConnectionsAsync(CancellationToken ct) => Task.FromResult<int?>(null);

    public override ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in Files())
        {
            File.Delete(file);
        }

        return ValueTask.CompletedTask;
    }

    private string[] Files() => Directory.GetFiles(Path.GetTempPath(), Path.GetFileName(_path) + "*");
}
