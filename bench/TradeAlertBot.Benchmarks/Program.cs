using BenchmarkDotNet.Running;
using TradeAlertBot.Benchmarks;
using TradeAlertBot.Benchmarks.Backtest;
using TradeAlertBot.Benchmarks.Delivery;
using TradeAlertBot.Benchmarks.Ingest;

// "--check": a quick pass/fail run of the matcher targets (CI).
// "--lucene-compare": matcher throughput against Lucene.Net's MemoryIndex at 10, 1,000 and 10,000 rules (a table).
// "--ingest-check": a pass/fail run of the end-to-end ingest targets (CI).
// "--backtest-check": a pass/fail run of the rule backtest target, 100,000 stored items in under 2 s (CI).
// "--ingest [FEEDS] [ITEMS] [--Key=Value...]": end-to-end ingest through the host (default 1,000 feeds x 50 items).
// "--ingest-table [FEEDS] [ITEMS] [--runs sqlite,postgres,postgres:3] [--Key=Value...]": SQLite vs PostgreSQL on 1 and 3 nodes (5,000 x 20).
// "--delivery-check": a pass/fail run of the delivery targets: nothing lost or twice, no 429 after warm-up, p99 < 2 s (CI).
// "--delivery-load [ITEMS] [DESTINATIONS] [--Key=Value...]": alerts to many rate-limited Slack channels (default 1,000 x 20).
// "--delivery-latency [SECONDS] [--Key=Value...]": served -> posted latency, 20 items one every SECONDS (2.5) to 3 channels.
// Anything else goes to BenchmarkDotNet.
switch (args)
{
    case ["--check"]:
        return TargetCheck.Run(Console.Out) == 0 ? 0 : 1;
    case ["--lucene-compare"]:
        return TradeAlertBot.Benchmarks.Lucene.LuceneCompare.Run(Console.Out);
    case ["--ingest-check"]:
        return await IngestCheck.RunAsync(Console.Out);
    case ["--backtest-check"]:
        return await BacktestBenchmark.CheckAsync(Console.Out);
    case ["--ingest", ..]:
        var feeds = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1_000;
        var items = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 50;
        await IngestBenchmark.RunAsync(feeds, items, Console.Out, [.. args.Skip(3)]);
        return 0;
    case ["--ingest-table", ..]:
        return await IngestTable.RunAsync([.. args.Skip(1)], Console.Out);
    case ["--delivery-check"]:
        return await DeliveryCheck.RunAsync(Console.Out);
    case ["--delivery-load", ..]:
        var numbers = args.Skip(1).TakeWhile(a => !a.StartsWith("--", StringComparison.Ordinal)).ToList();
        var alerts = numbers.Count > 0 ? int.Parse(numbers[0], System.Globalization.CultureInfo.InvariantCulture) : 1_000;
        var channels = numbers.Count > 1 ? int.Parse(numbers[1], System.Globalization.CultureInfo.InvariantCulture) : 20;
        var load = await DeliveryBenchmark.RunLoadAsync(alerts, channels, Console.Out, [.. args.Skip(1 + numbers.Count)]);
        return load.Finished && load.Lost == 0 && load.Duplicates == 0 ? 0 : 1;
    case ["--delivery-latency", ..]:
        var spaced = args.Length > 1 && !args[1].StartsWith("--", StringComparison.Ordinal);
        var spacing = spaced ? double.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 2.5;
        await DeliveryBenchmark.RunLatencyAsync(20, 3, TimeSpan.FromSeconds(spacing), Console.Out, [.. args.Skip(spaced ? 2 : 1)]);
        return 0;
    default:
        BenchmarkSwitcher.FromAssembly(typeof(MatcherBenchmarks).Assembly).Run(args);
        return 0;
}
