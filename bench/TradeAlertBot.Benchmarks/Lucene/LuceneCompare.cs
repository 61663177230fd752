using TradeAlertBot.Benchmarks.Workload;
using TradeAlertBot.Core.Rules;

namespace TradeAlertBot.Benchmarks.Lucene;

/// <summary>
/// "--lucene-compare": the matcher against a real peer, Lucene.Net 4.8's MemoryIndex with the same rules as
/// Lucene queries (<see cref="LuceneQueries"/>), at 10, 1,000 and 10,000 rules in one run, on the matcher
/// benchmark's corpus; prints a table with the matcher's throughput as a multiple of Lucene's. Both must find the
/// same matches or it refuses to report.
/// </summary>
public static class LuceneCompare
{
    public static int Run(TextWriter output)
    {
        var corpus = new SyntheticCorpus(vocabularySize: 20_000, seed: 1);
        var random = new Random(2);
        var items = Enumerable.Range(0, 256).Select(_ => corpus.NextItem(random, bodyChars: 2_000)).ToArray();

        output.WriteLine("| rules | matcher items/s | Lucene MemoryIndex items/s | matcher / Lucene |");
        output.WriteLine("| ---: | ---: | ---: | ---: |");
        foreach (var count in new[] { 10, 1_000, 10_000 })
        {
            var rules = RuleGenerator.Generate(corpus, count, seed: 3).Select(g => Rule.Parse(g.Name, g.Text)).ToList();
            var set = RuleSet.Compile(rules);
            var lucene = new LucenePercolator(rules);

            var sample = items.Take(64).ToArray();
            var ours = sample.Sum(i => set.Match(Document.Create(i.Title, i.Body)).Count);
            var theirs = sample.Sum(i => lucene.CountMatches(i.Title, i.Body));
            if (ours != theirs)
            {
                output.WriteLine($"matcher found {ours} matches, Lucene {theirs}: the comparison would mean nothing");
                return 1;
            }

            double matcher = 0, peer = 0;
            for (var round = 0; round < 3; round++)
            {
                matcher = Math.Max(matcher, TargetCheck.Measure(items.Length, i => set.Match(Document.Create(items[i].Title, items[i].Body)).Count).PerSecond);
                peer = Math.Max(peer, TargetCheck.Measure(items.Length, i => lucene.CountMatches(items[i].Title, items[i].Body), minimumSeconds: 1).PerSecond);
            }

            output.WriteLine($"| {count:N0} | {matcher:N0} | {peer:N0} | {matcher / peer:N1}× |");
        }

        return 0;
    }
}
