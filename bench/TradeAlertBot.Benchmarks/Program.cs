using BenchmarkDotNet.Running;
using TradeAlertBot.Benchmarks;
using TradeAlertBot.Benchmarks.Backtest;
using TradeAlertBot.Benchmarks.Ingest;

// "--check": a quick pass/fail run of the matcher targets (CI).
// "--ingest-check": a pass/fail run of the end-to-end ingest targets (CI).
// "--backtest-check": a pass/fail run of the rule backtest target, 100,000 stored items in under 2 s (CI).
// "--ingest [FEEDS] [ITEMS] [--Key=Value...]": end-to-end ingest through the host (default 1,000 feeds x 50 items).
// Anything else goes to BenchmarkDotNet.
switch (args)
{
    case ["--check"]:
        return TargetCheck.Run(Console.Out) == 0 ? 0 : 1;
    case ["--ingest-check"]:
        return await IngestCheck.RunAsync(Console.Out);
    case ["--backtest-check"]:
        return await BacktestBenchmark.CheckAsync(Console.Out);
    case ["--ingest", ..]:
        var feeds = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1_000;
        var items = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 50;
        await IngestBenchmark.RunAsync(feeds, items, Console.Out, [.. args.Skip(3)]);
        return 0;
    default:
        BenchmarkSwitcher.FromAssembly(typeof(MatcherBenchmarks).Assembly).Run(args);
        return 0;
}
