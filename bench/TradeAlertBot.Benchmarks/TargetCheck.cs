using System.Diagnostics;
using TradeAlertBot.Benchmarks.Adversarial;
using TradeAlertBot.Benchmarks.DefaultPack;
using TradeAlertBot.Benchmarks.Naive;
using TradeAlertBot.Benchmarks.Workload;
using TradeAlertBot.Core.Rules;

namespace TradeAlertBot.Benchmarks;

/// <summary>
/// A quick run of the matcher workload (same corpus and rules as <see cref="MatcherBenchmarks"/>) that checks the
/// issue's targets, and the adversarial item's (<see cref="AdversarialCheck"/>), and prints one PASS/FAIL line per
/// target; CI runs it after the tests. BenchmarkDotNet gives the
/// careful numbers; this gives a verdict in seconds.
/// </summary>
public static class TargetCheck
{
    public static int Run(TextWriter output)
    {
        var corpus = new SyntheticCorpus(vocabularySize: 20_000, seed: 1);
        var random = new Random(2);
        var items = Enumerable.Range(0, 256).Select(_ => corpus.NextItem(random, bodyChars: 2_000)).ToArray();

        // Interleaved rounds, best round per case: a burst of other work on the machine slows one round, not the verdict.
        var cases = new[] { 10, 1_000, 10_000 }.ToDictionary(count => count, count =>
            RuleSet.Compile(RuleGenerator.Generate(corpus, count, seed: 3).Select(g => Rule.Parse(g.Name, g.Text))));
        var throughput = cases.Keys.ToDictionary(count => count, _ => 0.0);
        var allocated = cases.Keys.ToDictionary(count => count, _ => 0L);
        for (var round = 0; round < 5; round++)
        {
            foreach (var (count, set) in cases)
            {
                var (perSecond, bytes) = Measure(items.Length, i => set.Match(Document.Create(items[i].Title, items[i].Body)).Count);
                throughput[count] = Math.Max(throughput[count], perSecond);
                allocated[count] = bytes;
            }
        }

        foreach (var count in cases.Keys)
        {
            output.WriteLine($"matcher, {count,6} rules: {throughput[count],10:N0} items/s, {allocated[count],8:N0} B allocated/item (best of 5 rounds)");
        }

        var naiveRules = RuleGenerator.Generate(corpus, 10_000, seed: 3).Select(g => g.Naive).ToArray();
        var naive = 0.0;
        for (var round = 0; round < 3; round++)
        {
            var (perSecond, _) = Measure(items.Length, i =>
            {
                var document = new NaiveDocument(items[i].Title, items[i].Body);
                return naiveRules.Count(r => r.IsMatch(document));
            }, minimumSeconds: 1);
            naive = Math.Max(naive, perSecond);
        }

        output.WriteLine($"naive,   10,000 rules: {naive,10:N0} items/s (best of 3 rounds)");

        var failures = 0;
        void Check(string target, bool ok, string measured)
        {
            output.WriteLine($"{(ok ? "PASS" : "FAIL")}: {target} ({measured})");
            failures += ok ? 0 : 1;
        }

        Check(">= 10,000 items/s with 1,000 rules", throughput[1_000] >= 10_000, $"{throughput[1_000]:N0} items/s");
        Check(">= 20x the naive baseline at 10,000 rules", throughput[10_000] >= 20 * naive, $"{throughput[10_000] / naive:N1}x");
        Check("10,000 rules at most 5x slower than 10 rules", throughput[10] <= 5 * throughput[10_000], $"{throughput[10] / throughput[10_000]:N2}x");
        DefaultPackCheck.Run(output, Check, corpus, [.. items.Select(i => (i.Title, i.Body))]);
        AdversarialCheck.Run(output, Check);
        return failures;
    }

    // Runs the item loop (after a warm-up pass) until at least minimumSeconds have passed; items/s and bytes/item.
    internal static (double PerSecond, long BytesPerItem) Measure(int items, Func<int, int> work, double minimumSeconds = 0.4)
    {
        var sink = 0;
        for (var i = 0; i < Math.Min(items, 16); i++)
        {
            sink += work(i);
        }

        var done = 0;
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed.TotalSeconds < minimumSeconds)
        {
            sink += work(done % items);
            done++;
        }

        var bytes = (GC.GetAllocatedBytesForCurrentThread() - allocated) / done;
        GC.KeepAlive(sink);
        return (done / clock.Elapsed.TotalSeconds, bytes);
    }
}
