using TradeAlertBot.Core.Rules;
using TradeAlertBot.Core.Rules.Nodes;
using TradeAlertBot.Core.Text;

namespace TradeAlertBot.Core.Tests.Rules;

/// <summary>
/// The rule language evaluated the plain way — every node over every word, no term index, no prefilter — as the
/// oracle the compiled matcher is checked against.
/// </summary>
internal static class ReferenceEvaluator
{
    private static readonly Field[] Both = [Field.Title, Field.Body];

    public static bool Matches(Rule rule, Document document) => Eval(rule.Root, document, Both);

    private static bool Eval(Node node, Document d, Field[] fields) => node switch
    {
        TermNode t => Occurrences(t, d, fields).Any(),
        AndNode a => a.Children.All(c => Eval(c, d, fields)),
        OrNode o => o.Children.Any(c => Eval(c, d, fields)),
        NotNode n => !Eval(n.Child, d, fields),
        FieldNode f => Eval(f.Child, d, [.. fields.Where(x => x == f.Field)]),
        AtLeastNode a => Occurrences(a.Term, d, fields).Count() >= a.Count,
        ProximityNode p => Positions(p.Left, d, fields).Any(l => Positions(p.Right, d, fields).Any(r => Near(p, d, l, r))),
        _ => throw new InvalidOperationException(node.GetType().Name),
    };

    public static bool Near(ProximityNode p, Document d, (Field Field, int First, int Last) a, (Field Field, int First, int Last) b)
    {
        if (a.Field != b.Field)
        {
            return false;
        }

        var after = b.First - a.Last;
        var before = a.First - b.Last;
        return p.Kind switch
        {
            ProximityKind.Near => (after >= 1 && after <= p.Distance) || (before >= 1 && before <= p.Distance),
            ProximityKind.Within => after >= 1 && after <= p.Distance,
            _ => Words(d, a.Field)[a.First].Sentence == Words(d, b.Field)[b.First].Sentence,
        };
    }

    public static IEnumerable<(Field, int, int)> Positions(Node node, Document d, Field[] fields) => node switch
    {
        TermNode t => Occurrences(t, d, fields),
        OrNode o => o.Children.SelectMany(c => Positions(c, d, fields)),
        _ => throw new InvalidOperationException(node.GetType().Name),
    };

    private static IEnumerable<(Field, int, int)> Occurrences(TermNode term, Document d, Field[] fields)
    {
        foreach (var field in fields)
        {
            var words = Words(d, field);
            for (var i = 0; i + term.Words.Count <= words.Count; i++)
            {
                var all = true;
                for (var k = 0; k < term.Words.Count && all; k++)
                {
                    var pattern = term.Words[k];
                    all = pattern.IsPrefix ? words[i + k].Text.StartsWith(pattern.Text, StringComparison.Ordinal) : words[i + k].Text == pattern.Text;
                }

                if (all)
                {
                    yield return (field, i, i + term.Words.Count - 1);
                }
            }
        }
    }

    public static List<Token> Words(Document d, Field field) => field == Field.Title ? d.TitleWords : d.BodyWords;
}
