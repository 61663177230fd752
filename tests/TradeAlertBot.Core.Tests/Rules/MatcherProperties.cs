using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using TradeAlertBot.Core.Rules;

namespace TradeAlertBot.Core.Tests.Rules;

/// <summary>The compiled, prefiltered matcher agrees with the plain reference evaluator on random rules and texts.</summary>
public class MatcherProperties
{
    [Property(MaxTest = 1000, Arbitrary = [typeof(RandomRules)])]
    public bool Compiled_matcher_agrees_with_the_reference_evaluator(RuleCase @case)
    {
        var document = Document.Create(@case.Title, @case.Body);
        var rules = @case.Rules.Select((text, i) => Rule.Parse($"r{i}", text)).ToList();
        var compiled = RuleSet.Compile(rules).Match(document).Select(m => m.Rule).ToHashSet();

        return rules.All(r => compiled.Contains(r.Name) == ReferenceEvaluator.Matches(r, document));
    }

    [Property(MaxTest = 500, Arbitrary = [typeof(RandomRules)])]
    public bool Proximity_evidence_is_every_occurrence_that_is_part_of_a_satisfying_pair(ProximityCase @case)
    {
        var document = Document.Create(@case.Title, @case.Body);
        var rule = Rule.Parse("p", @case.Rule);
        var proximity = (TradeAlertBot.Core.Rules.Nodes.ProximityNode)rule.Root;
        var lefts = ReferenceEvaluator.Positions(proximity.Left, document, [Field.Title, Field.Body]).ToList();
        var rights = ReferenceEvaluator.Positions(proximity.Right, document, [Field.Title, Field.Body]).ToList();
        var expected = lefts.Where(l => rights.Any(r => ReferenceEvaluator.Near(proximity, document, l, r)))
            .Concat(rights.Where(r => lefts.Any(l => ReferenceEvaluator.Near(proximity, document, l, r))))
            .Select(o => (o.Item1, ReferenceEvaluator.Words(document, o.Item1)[o.Item2].Start, ReferenceEvaluator.Words(document, o.Item1)[o.Item3].End))
            .ToHashSet();

        var hits = RuleSet.Compile([rule]).Match(document).SelectMany(m => m.Hits).Select(h => (h.Field, h.Start, h.End)).ToList();

        return hits.Count == expected.Count && expected.SetEquals(hits);
    }

    public sealed record ProximityCase(string Rule, string Title, string Body)
    {
        public override string ToString() => $"rule: {Rule}; title: {Title}; body: {Body}";
    }

    public sealed record RuleCase(string[] Rules, string Title, string Body)
    {
        public override string ToString() => $"rules: {string.Join(" | ", Rules)}; title: {Title}; body: {Body}";
    }

    public static class RandomRules
    {
        private static readonly string[] Words = ["tariff", "tariffs", "steel", "china", "duty", "export", "exports", "ban"];
        private static readonly string[] Leaves =
            ["tariff", "steel", "china", "duty", "export", "ban", "tari*", "expo*", "\"export ban\"", "\"steel tariff*\"", "\"china duty\""];

        public static Arbitrary<RuleCase> Cases() => Arb.From(
            from rules in Gen.ArrayOf(Rule(3).Where(Parses), 3)
            from title in Text(6)
            from body in Text(30)
            select new RuleCase(rules, title, body));

        public static Arbitrary<ProximityCase> ProximityCases() => Arb.From(
            from a in Positional()
            from b in Positional()
            from n in Gen.Choose(1, 6)
            from op in Gen.Elements($"NEAR/{n}", $"W/{n}", "SAME")
            from title in Text(6)
            from body in Text(30)
            select new ProximityCase($"{a} {op} {b}", title, body));

        private static bool Parses(string text)
        {
            try
            {
                TradeAlertBot.Core.Rules.Rule.Parse("r", text);
                return true;
            }
            catch (RuleSyntaxException)
            {
                return false;
            }
        }

        private static Gen<string> Text(int maxWords) =>
            from count in Gen.Choose(0, maxWords)
            from words in Gen.ArrayOf(Gen.Frequency((9, Gen.Elements(Words)), (1, Gen.Constant("."))), count)
            select string.Join(' ', words).Replace(" .", ".", StringComparison.Ordinal);

        private static Gen<string> Leaf() => Gen.Elements(Leaves);

        private static Gen<string> Positional() => Gen.OneOf(Leaf(), from a in Leaf() from b in Leaf() select $"({a} OR {b})");

        private static Gen<string> Rule(int depth) => depth == 0
            ? Leaf()
            : Gen.Frequency(
                (3, Leaf()),
                (2, from a in Rule(depth - 1) from b in Rule(depth - 1) select $"({a} AND {b})"),
                (2, from a in Rule(depth - 1) from b in Rule(depth - 1) select $"({a} OR {b})"),
                (1, from a in Rule(depth - 1) from b in Rule(depth - 1) select $"({a} NOT {b})"),
                (1, from a in Rule(depth - 1) select $"(title:{a} OR body:{a})"),
                (1, from a in Rule(depth - 1) select $"title:({a})"),
                (1, from n in Gen.Choose(2, 4) from l in Leaf() select $"ATLEAST{n} {l}"),
                (3, from a in Positional() from b in Positional() from n in Gen.Choose(1, 6)
                    from op in Gen.Elements($"NEAR/{n}", $"W/{n}", "SAME") select $"({a} {op} {b})"));
    }
}
