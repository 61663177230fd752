using System.Globalization;
using Npgsql;
using TradeAlertBot.TestFakes;

namespace TradeAlertBot.Benchmarks.Ingest;

/// <summary>
/// A new database on the test PostgreSQL server (TRADEALERTBOT_TEST_POSTGRES, else a throwaway cluster started by
/// <see cref="TestPostgres"/> and stopped when the process exits), with Hangfire's jobs in its own schema there.
/// The server's CPU is read from /proc: the postmaster's own and its reaped children's, plus its live backends'.
/// </summary>
internal sealed class PostgresIngestStore : IngestStore
{
    private const string HangfireSchema = "hangfire";

    private readonly string _connectionString;
    private readonly NpgsqlDataSource _probe;
    private readonly int _postmaster;
    private readonly double _ticksPerSecond;

    private PostgresIngestStore(string connectionString, int postmaster, double ticksPerSecond)
    {
        _connectionString = connectionString;
        _probe = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        _postmaster = postmaster;
        _ticksPerSecond = ticksPerSecond;
    }

    public override string Name => "PostgreSQL";

    public override IReadOnlyList<string> HostArgs =>
    [
        "--Storage:Provider=postgres",
        "--Hangfire:Storage=postgres",
        $"--Hangfire:Schema={HangfireSchema}",
        $"--ConnectionStrings:Default={_connectionString}",
    ];

    public static async Task<PostgresIngestStore> CreateAsync(CancellationToken ct)
    {
        var connectionString = await TestPostgres.NewDatabaseAsync();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand("SELECT pg_backend_pid()", connection);
        var backend = (int)(await command.ExecuteScalarAsync(ct))!;
        // A backend's parent is the postmaster: the server's CPU is that process tree's.
        var postmaster = int.Parse(Stat(backend)[1], CultureInfo.InvariantCulture);
        return new PostgresIngestStore(connectionString, postmaster, ClockTicksPerSecond());
    }

    public override async Task<(long Total, long Hangfire)> SizeAsync(CancellationToken ct)
    {
        await using var command = _probe.CreateCommand(
            "SELECT pg_database_size(current_database()), coalesce((SELECT sum(pg_total_relation_size(c.oid))::bigint " +
            "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relkind = 'r'), 0)");
        command.Parameters.AddWithValue(HangfireSchema);
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    public override TimeSpan ServerCpu()
    {
        // utime, stime, cutime, cstime are fields 14-17 of /proc/PID/stat (index 11-14 after the pid and name).
        var own = Stat(_postmaster);
        var parent = _postmaster.ToString(CultureInfo.InvariantCulture);
        var ticks = Enumerable.Range(11, 4).Sum(i => long.Parse(own[i], CultureInfo.InvariantCulture));
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), out var pid) && TryStat(pid) is { } child && child[1] == parent)
            {
                ticks += long.Parse(child[11], CultureInfo.InvariantCulture) + long.Parse(child[12], CultureInfo.InvariantCulture);
            }
        }

        return TimeSpan.FromSeconds(ticks / _ticksPerSecond);
    }

    public override async Task<int?> ConnectionsAsync(CancellationToken ct)
    {
        await using var command = _probe.CreateCommand(
            "SELECT count(*)::int FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()");
        return (int)(await command.ExecuteScalarAsync(ct))!;
    }

    public override async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        var database = new NpgsqlConnectionStringBuilder(_connectionString).Database;
        await _probe.DisposeAsync();
        var server = new NpgsqlConnectionStringBuilder(_connectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(server.ConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }

    // /proc/PID/stat after the pid and the parenthesised name (which may hold spaces): state, ppid, ...
    private static string[] Stat(int pid) =>
        TryStat(pid) ?? throw new InvalidOperationException($"postgres: /proc/{pid}/stat is not readable (the server must run on this machine)");

    private static string[]? TryStat(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/stat");
            return text[(text.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (IOException)
        {
            return null; // the process ended meanwhile
        }
    }

    private static double ClockTicksPerSecond()
    {
        using var getconf = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("getconf", "CLK_TCK") { RedirectStandardOutput = true })!;
        var text = getconf.StandardOutput.ReadToEnd().Trim();
        getconf.WaitForExit();
        return double.TryParse(text, CultureInfo.InvariantCulture, out var ticks) ? ticks : 100;
    }
}
