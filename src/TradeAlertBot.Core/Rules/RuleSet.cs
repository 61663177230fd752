using System.Buffers;
using TradeAlertBot.Core.Rules.Matching;
using TradeAlertBot.Core.Text;

namespace TradeAlertBot.Core.Rules;

/// <summary>
/// Compiled rules. Matching scans the document once against the shared term index (the multi-pattern
/// prefilter), which yields the candidate rules whose trigger terms occur; only those are evaluated.
/// Thread-safe: per-thread working state, immutable compiled rules.
/// </summary>
public sealed class RuleSet
{
    /// <summary>
    /// Occurrences of one term kept per item (title first, then body); later ones are not seen by any rule. Enough
    /// for ATLEASTn (n ≤ 100) and for proximity on real text; it bounds the work hostile, repetitive text can cause.
    /// </summary>
    public const int MaxOccurrencesPerTerm = 256;

    /// <summary>Evidence hits reported per matched rule (the first ones by field and position).</summary>
    public const int MaxHitsPerRule = 64;

    private readonly Rule[] _rules;
    private readonly Matcher[] _matchers;
    private readonly TermTable _terms;
    private readonly ThreadLocal<MatchContext> _contexts;
    private readonly string[] _triggerWords;

    private RuleSet(Rule[] rules)
    {
        _rules = rules;
        _terms = new TermTable();
        _matchers = [.. rules.Select(r => r.Root.Compile(_terms))];

        var byTrigger = new List<int>[_terms.Count];
        var triggerWords = new HashSet<string>(StringComparer.Ordinal);
        for (var rule = 0; rule < _matchers.Length; rule++)
        {
            // Rule.Parse rejected rules without a trigger, so every rule has one.
            foreach (var term in _matchers[rule].Trigger(_terms)!)
            {
                (byTrigger[term] ??= []).Add(rule);
                triggerWords.Add(_terms.FirstWord(term));
            }
        }

        // A word made from an initialism ("U.S." → "us") is not contiguous in the text: look for its dotted form too.
        _triggerWords = [.. triggerWords, .. triggerWords.Where(w => w.Length > 1 && w.All(char.IsLetter)).Select(w => string.Join('.', w.ToCharArray()))];

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
            // Decide first (stops at the first satisfying occurrence); only a rule that matched pays for its evidence.
            if (!_matchers[rule].Match(context, FieldMask.Both, null))
            {
                continue;
            }

            evidence.Clear();
            _matchers[rule].Match(context, FieldMask.Both, evidence);
            (matches ??= []).Add(new RuleMatch(_rules[rule].Name, Hits(document, evidence)));
        }

        context.ReturnList(evidence);
        return (IReadOnlyList<RuleMatch>?)matches ?? [];
    }

    /// <summary>
    /// A cheap, exact-where-it-matters test before <see cref="Match"/>: false means no rule can match this title
    /// and body, decided without tokenizing. A rule is only evaluated when one of its trigger terms occurs, and a
    /// tokenizer word is its source characters folded one by one (initialisms aside, which are checked in their
    /// dotted form), so a trigger word that is not a substring of the folded text cannot occur. True may still
    /// match nothing. For scans of many stored items (a rule backtest), where most items share no word with the rule.
    /// </summary>
    public bool MightMatch(string title, string body)
    {
        if (_triggerWords.Length == 0)
        {
            return false;
        }

        var length = title.Length + 1 + body.Length;
        var buffer = ArrayPool<char>.Shared.Rent(length);
        try
        {
            var folded = buffer.AsSpan(0, length);
            Fold(title, folded);
            folded[title.Length] = '\n';
            Fold(body, folded[(title.Length + 1)..]);
            foreach (var word in _triggerWords)
            {
                if (folded.IndexOf(word, StringComparison.Ordinal) >= 0)
                {
                    return true;
                }
            }

            return false;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    private static void Fold(string text, Span<char> into)
    {
        for (var i = 0; i < text.Length; i++)
        {
            into[i] = TextFolding.Fold(text[i]);
        }
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
        var hits = new List<TermHit>(Math.Min(evidence.Count, MaxHitsPerRule));
        Occurrence? previous = null;
        foreach (var occurrence in evidence)
        {
            if (hits.Count == MaxHitsPerRule)
            {
                break;
            }

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
