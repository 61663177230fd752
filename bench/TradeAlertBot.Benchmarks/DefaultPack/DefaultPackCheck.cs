using TradeAlertBot.Core.Categories;
using TradeAlertBot.Core.Classification;
using TradeAlertBot.Core.Rules;
using TradeAlertBot.Benchmarks.Workload;

namespace TradeAlertBot.Benchmarks.DefaultPack;

/// <summary>
/// The shipped categories' part of "--check": the default pack (its cue lists included) beside 1,000 admins' rules
/// must keep the matcher target of 10,000 items/s on 2 KB items, and the whole classification (rules, facts,
/// fingerprint) is reported beside it. Best of 5 interleaved rounds.
/// </summary>
public static class DefaultPackCheck
{
    public static void Run(TextWriter output, Action<string, bool, string> check, SyntheticCorpus corpus, IReadOnlyList<(string Title, string Body)> items)
    {
        var pack = DefaultRulePack.Load();
        var withRules = RuleSet.Compile([.. pack, .. RuleGenerator.Generate(corpus, 1_000, seed: 3).Select(g => Rule.Parse(g.Name, g.Text))]);
        var classifier = new ItemClassifier(RuleSet.Compile(pack));
        var today = new DateOnly(2026, 1, 1);
        var (matching, classifying) = (0.0, 0.0);
        for (var round = 0; round < 5; round++)
        {
            matching = Math.Max(matching, TargetCheck.Measure(items.Count, i => withRules.Match(Document.Create(items[i].Title, items[i].Body)).Count).PerSecond);
            classifying = Math.Max(classifying, TargetCheck.Measure(items.Count, i => classifier.Classify(items[i].Title, items[i].Body, today).Categories.Count).PerSecond);
        }

        output.WriteLine($"default pack + 1,000 rules, matching: {matching,10:N0} items/s (2 KB items, best of 5 rounds)");
        output.WriteLine($"default pack, full classification (rules, facts, fingerprint): {classifying,10:N0} items/s");
        check(">= 10,000 items/s matching the default pack with 1,000 rules", matching >= 10_000, $"{matching:N0} items/s");
    }
}
