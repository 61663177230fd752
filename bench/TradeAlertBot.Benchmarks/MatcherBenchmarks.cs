using BenchmarkDotNet.Attributes;
using TradeAlertBot.Benchmarks.Naive;
using TradeAlertBot.Benchmarks.Workload;
using TradeAlertBot.Core.Rules;

namespace TradeAlertBot.Benchmarks;

/// <summary>
/// Rule matching over ~2 KB items with 10, 1,000 and 10,000 generated rules: the compiled, prefiltered
/// <see cref="RuleSet"/> against the naive baseline (every rule's Regex objects on every item), in one run.
/// One operation = one item (OperationsPerInvoke), so "Mean" is time per item and items/s = 1 s / Mean.
/// </summary>
[MemoryDiagnoser]
public class MatcherBenchmarks
{
    public const int Items = 64;

    private Document[] _documents = [];
    private NaiveDocument[] _naiveDocuments = [];
    private (string Title, string Body)[] _raw = [];
    private RuleSet _ruleSet = null!;
    private NaiveRule[] _naiveRules = [];

    [Params(10, 1_000, 10_000)]
    public int Rules { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var corpus = new SyntheticCorpus(vocabularySize: 20_000, seed: 1);
        var random = new Random(2);
        _raw = [.. Enumerable.Range(0, Items).Select(_ => corpus.NextItem(random, bodyChars: 2_000))];
        _documents = [.. _raw.Select(r => Document.Create(r.Title, r.Body))];
        _naiveDocuments = [.. _raw.Select(r => new NaiveDocument(r.Title, r.Body))];

        var generated = RuleGenerator.Generate(corpus, Rules, seed: 3);
        _ruleSet = RuleSet.Compile(generated.Select(g => Rule.Parse(g.Name, g.Text)));
        _naiveRules = [.. generated.Select(g => g.Naive)];

        // The two must agree, or the comparison means nothing.
        var compiled = _documents.Sum(d => _ruleSet.Match(d).Count);
        var naive = _naiveDocuments.Sum(d => _naiveRules.Count(r => r.IsMatch(d)));
        if (compiled != naive)
        {
            throw new InvalidOperationException($"matcher found {compiled} matches, naive baseline {naive}");
        }

        Console.WriteLine($"// {Rules} rules, {Items} items: {compiled} matches in all");
    }

    /// <summary>The production path: tokenize the item, then match all rules.</summary>
    [Benchmark(OperationsPerInvoke = Items)]
    public int Compiled()
    {
        var matches = 0;
        foreach (var (title, body) in _raw)
        {
            matches += _ruleSet.Match(Document.Create(title, body)).Count;
        }

        return matches;
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Items)]
    public int Naive()
    {
        var matches = 0;
        foreach (var (title, body) in _raw)
        {
            var document = new NaiveDocument(title, body);
            foreach (var rule in _naiveRules)
            {
                if (rule.IsMatch(document))
                {
                    matches++;
                }
            }
        }

        return matches;
    }
}
