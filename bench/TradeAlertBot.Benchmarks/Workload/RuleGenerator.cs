using TradeAlertBot.Benchmarks.Naive;

namespace TradeAlertBot.Benchmarks.Workload;

/// <summary>A generated rule in both forms: rule-language text for the matcher, and its naive Regex twin.</summary>
public sealed record GeneratedRule(string Name, string Text, NaiveRule Naive);

/// <summary>
/// Generates rules in four common shapes (phrase AND word; word AND wildcard NOT word; title scope; OR-group NEAR
/// word) from the corpus vocabulary, skipping the 20 most common words as analysts skip stop words.
/// </summary>
public static class RuleGenerator
{
    public static IReadOnlyList<GeneratedRule> Generate(SyntheticCorpus corpus, int count, int seed)
    {
        var random = new Random(seed);
        var vocabulary = corpus.Vocabulary;
        // The first term is a fairly common word (ranks 20-2,000), the others rarer ones, so rules match now and then.
        string Common() => vocabulary[random.Next(20, 2_000)];
        string Pick() => vocabulary[random.Next(200, vocabulary.Count)];
        string PrefixOf(string w) => w[..Math.Max(4, w.Length - 2)];

        var rules = new List<GeneratedRule>(count);
        for (var i = 0; i < count; i++)
        {
            var (a, b, c) = (Common(), Pick(), Pick());
            while (c == a || c.StartsWith(PrefixOf(b), StringComparison.Ordinal))
            {
                c = Pick(); // "a AND b* NOT c" must be satisfiable
            }

            var name = $"rule-{i}";
            rules.Add((i % 4) switch
            {
                0 => new GeneratedRule(name, $"\"{a} {b}\" AND {c}", new NaivePhraseAnd(a, b, c)),
                1 => new GeneratedRule(name, $"{a} AND {PrefixOf(b)}* NOT {c}", new NaiveAndNot(a, PrefixOf(b), c)),
                2 => new GeneratedRule(name, $"title:({a}) AND {b}", new NaiveTitleAnd(a, b)),
                _ => new GeneratedRule(name, $"({a} OR {PrefixOf(b)}*) NEAR/5 {c}", new NaiveNear(a, PrefixOf(b), c, 5)),
            });
        }

        return rules;
    }
}
