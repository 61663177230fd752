using System.Globalization;

namespace TradeAlertBot.Benchmarks.Ingest;

/// <summary>
/// <c>--ingest-table [FEEDS] [ITEMS] [--runs sqlite,postgres,postgres:3] [--Key=Value...]</c>: the multi-node ingest
/// benchmark on each store and node count named (default: SQLite 1 node, PostgreSQL 1 and 3 nodes; 5,000 feeds × 20
/// items), printed as one Markdown table with a column per run, then the correctness counts. Exit code 1 when a
/// run lost or doubled anything.
/// </summary>
internal static class IngestTable
{
    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        var numbers = args.TakeWhile(a => !a.StartsWith("--", StringComparison.Ordinal)).ToList();
        var feeds = numbers.Count > 0 ? int.Parse(numbers[0], CultureInfo.InvariantCulture) : 5_000;
        var items = numbers.Count > 1 ? int.Parse(numbers[1], CultureInfo.InvariantCulture) : 20;
        var rest = args.Skip(numbers.Count).ToList();
        var runs = "sqlite,postgres,postgres:3";
        var at = rest.IndexOf("--runs");
        if (at >= 0 && at + 1 < rest.Count)
        {
            runs = rest[at + 1];
            rest.RemoveRange(at, 2);
        }

        output.WriteLine($"ingest table: {feeds:N0} feeds x {items} items, runs {runs}; {Environment.ProcessorCount} cores, load average {LoadAverage()}");
        output.WriteLine("(several nodes here are hosts in one process on the same cores: they share the CPU, so the point is the coordination cost and correctness, not a speed-up)");
        var rows = new List<IngestRow>();
        foreach (var run in runs.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = run.Split(':');
            var nodes = parts.Length > 1 ? int.Parse(parts[1], CultureInfo.InvariantCulture) : 1;
            await using var store = parts[0] switch
            {
                "sqlite" when nodes == 1 => (IngestStore)new SqliteIngestStore(),
                "sqlite" => throw new ArgumentException("ingest table: SQLite runs one node only"),
                "postgres" => await PostgresIngestStore.CreateAsync(CancellationToken.None),
                _ => throw new ArgumentException($"ingest table: unknown run '{run}' (sqlite, postgres or postgres:N)"),
            };
            var row = await IngestNodes.RunAsync(store, nodes, feeds, items, [.. rest], CancellationToken.None);
            output.WriteLine($"{row.Label}: {row.ItemsPerSecond:N0} items/s, all-304 cycle {row.UnchangedSeconds:N1} s (load average now {LoadAverage()})");
            rows.Add(row);
        }

        Print(rows, output);
        return rows.All(r => r.Correct) ? 0 : 1;
    }

    private static void Print(List<IngestRow> rows, TextWriter output)
    {
        output.WriteLine();
        output.WriteLine("| measure | " + string.Join(" | ", rows.Select(r => r.Label)) + " |");
        output.WriteLine("| --- |" + string.Concat(rows.Select(_ => " ---: |")));
        Line("items/s end to end", r => $"**{r.ItemsPerSecond:N0}**");
        Line("ingest wall time", r => $"{r.IngestSeconds:N1} s");
        Line("CPU per item (bot + database server)", r => $"{r.CpuMicrosPerItem:N0} µs");
        Line("of it the database server", r => r.Store == "SQLite" ? "(in process)" : $"{r.ServerCpuMicrosPerItem:N0} µs");
        Line("latency served → outbox committed, p50 / p99", r => $"{r.LatencyP50Ms:N0} / {r.LatencyP99Ms:N0} ms");
        Line("queued jobs (deliveries) run after the ingest in", r => r.JobsLeftAfterDrain == 0
            ? $"{r.DrainSeconds:N0} s" : $"> {r.DrainSeconds:N0} s ({r.JobsLeftAfterDrain:N0} still queued)");
        Line("all-304 cycle", r => $"**{r.UnchangedSeconds:N1} s** ({r.Feeds / r.UnchangedSeconds:N0} polls/s)");
        Line("CPU per 304 poll (bot + database server)", r => $"{r.CpuMicrosPerUnchangedPoll:N0} µs");
        Line("of it the database server", r => r.Store == "SQLite" ? "(in process)" : $"{r.ServerCpuMicrosPerUnchangedPoll:N0} µs");
        Line("database size per 100k items", r => $"{r.MiBPer100kItems:N0} MiB");
        Line("of it Hangfire's jobs", r => r.Store == "SQLite" ? "(in memory)" : $"{r.HangfireMiBPer100kItems:N0} MiB");
        Line("peak connections, all nodes", r => r.PeakConnections is { } peak ? peak.ToString("N0", CultureInfo.InvariantCulture) : "—");
        Line("items stored / served", r => $"{r.ItemsStored:N0} / {r.ItemsServed:N0}");
        Line("stories / distinct reports served", r => $"{r.Stories:N0} / {r.ExpectedStories:N0}");
        Line("stories founded twice", r => r.StoriesFoundedTwice.ToString("N0", CultureInfo.InvariantCulture));
        Line("items stored twice", r => r.ItemsStoredTwice.ToString("N0", CultureInfo.InvariantCulture));
        Line("feeds polled twice", r => r.FeedsServedTwice.ToString("N0", CultureInfo.InvariantCulture));
        Line("delivery rows", r => r.Deliveries.ToString("N0", CultureInfo.InvariantCulture));
        output.WriteLine();
        foreach (var row in rows)
        {
            output.WriteLine((row.Correct ? "PASS: " : "FAIL: ") + $"{row.Label}: every item stored once, every story founded once, no feed polled twice");
        }

        void Line(string measure, Func<IngestRow, string> cell) =>
            output.WriteLine($"| {measure} | " + string.Join(" | ", rows.Select(cell)) + " |");
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
