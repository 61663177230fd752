using TradeAlertBot.Core.Rules.Matching;

namespace TradeAlertBot.Core.Rules;

/// <summary>
/// Compiled rules. Matching scans the document once against the shared term index (the multi-pattern
/// prefilter), which yields the candidate rules whose trigger terms occur; only those are evaluated.
/// Thread-safe: per-thread working state, immutable compiled rules.
/// </summary>
public sealed class RuleSet
{
    private readonly Rule[] _rules;
    private readonly Matcher[] _matchers;
    private readonly TermTable _terms;
    private readonly ThreadLocal<MatchContext> _contexts;

    private RuleSet(Rule[] rules)
    {
        _rules = rules;
        _terms = new TermTable();
        _matchers = [.. rules.Select(r => r.Root.Compile(_terms))];

        var byTrigger = new List<int>[_terms.Count];
        for (var rule = 0; rule < _matchers.Length; rule++)
        {
            // Rule.Parse rejected rules without a trigger, so every rule has one.
            foreach (var term in _matchers[rule].Trigger(_terms)!)
            {
                (byTrigger[term] ??= []).Add(rule);
            }
        }

        int[][] rulesByTriggerTerm = [.. byTrigger.Select(l => l?.ToArray() ?? [])];
        _contexts = new ThreadLocal<MatchContext>(() => new MatchContext(_terms.Count, rulesByTriggerTerm, _rules.Length));
    }

    public int Count => _rules.Length;

    public IReadOnlyList<Rule> Rules => _rules;

    public static RuleSet Compile(IEnumerable<Rule> rules) => new([.. rules]);

    public IReadOnlyList<RuleMatch> Match(Document document)
    {
        var context = _contexts.Value!;
        context.Begin(document);
        Scan(context, document, Field.Title);
        Scan(context, document, Field.Body);
        if (context.Candidates.Count == 0)
        {
            return [];
        }

        context.Candidates.Sort();
        List<RuleMatch>? matches = null;
        var evidence = context.RentList();
        foreach (var rule in context.Candidates)
        {
            evidence.Clear();
            if (_matchers[rule].Match(context, FieldMask.Both, evidence))
            {
                (matches ??= []).Add(new RuleMatch(_rules[rule].Name, Hits(document, evidence)));
            }
        }

        context.ReturnList(evidence);
        return (IReadOnlyList<RuleMatch>?)matches ?? [];
    }

    private void Scan(MatchContext context, Document document, Field field)
    {
        var words = document.Words(field);
        for (var i = 0; i < words.Count; i++)
        {
            _terms.FindAt(words, i, field, context);
        }
    }

    private static TermHit[] Hits(Document document, List<Occurrence> evidence)
    {
        evidence.Sort((a, b) => a.Field != b.Field ? a.Field.CompareTo(b.Field) : a.First != b.First ? a.First.CompareTo(b.First) : a.Last.CompareTo(b.Last));
        var hits = new List<TermHit>(evidence.Count);
        Occurrence? previous = null;
        foreach (var occurrence in evidence)
        {
            if (occurrence == previous)
            {
                continue;
            }

            previous = occurrence;
            var words = document.Words(occurrence.Field);
            var start = words[occurrence.First].Start;
            var end = words[occurrence.Last].End;
            hits.Add(new TermHit(document.Text(occurrence.Field)[start..end], occurrence.Field, start, end));
        }

        return [.. hits];
    }
}
