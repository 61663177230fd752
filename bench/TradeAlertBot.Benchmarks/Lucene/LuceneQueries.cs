using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Spans;
using TradeAlertBot.Core.Rules;
using TradeAlertBot.Core.Rules.Nodes;

namespace TradeAlertBot.Benchmarks.Lucene;

/// <summary>
/// Translates a parsed rule into the Lucene query a percolator would run: BooleanQuery for AND, OR and NOT,
/// TermQuery/PrefixQuery/PhraseQuery for terms, SpanNearQuery for NEAR/n (unordered) and W/n (ordered) with
/// spans for the operands (SpanMultiTermQueryWrapper&lt;PrefixQuery&gt; for wildcards, SpanOrQuery for OR-groups).
/// Title and body are separate fields, so proximity never crosses them, as in the rule language. Not translated:
/// SAME and ATLEASTn (the generated benchmark rules use neither).
/// </summary>
public static class LuceneQueries
{
    public const string Title = "title";
    public const string Body = "body";

    private static readonly string[] Both = [Title, Body];

    public static Query From(Rule rule) => Translate(rule.Root, Both);

    private static Query Translate(Node node, string[] fields) => node switch
    {
        AndNode and => And(and.Children, fields),
        OrNode or => Any([.. or.Children.Select(c => Translate(c, fields))]),
        FieldNode scoped => Translate(scoped.Child, [.. fields.Where(f => f == (scoped.Field == Field.Title ? Title : Body))]),
        TermNode term => Any([.. fields.Select(f => Term(term, f))]),
        ProximityNode near => Any([.. fields.Select(f => (Query)Near(near, f))]),
        _ => throw new NotSupportedException($"no Lucene translation for {node.GetType().Name}"),
    };

    private static BooleanQuery And(IReadOnlyList<Node> children, string[] fields)
    {
        var query = new BooleanQuery();
        foreach (var child in children)
        {
            if (child is NotNode not)
            {
                query.Add(Translate(not.Child, fields), Occur.MUST_NOT);
            }
            else
            {
                query.Add(Translate(child, fields), Occur.MUST);
            }
        }

        return query;
    }

    private static Query Any(Query[] alternatives)
    {
        if (alternatives.Length == 1)
        {
            return alternatives[0];
        }

        var query = new BooleanQuery();
        foreach (var alternative in alternatives)
        {
            query.Add(alternative, Occur.SHOULD);
        }

        return query;
    }

    private static Query Term(TermNode term, string field)
    {
        if (term.Words.Count == 1)
        {
            var word = term.Words[0];
            return word.IsPrefix ? new PrefixQuery(new Term(field, word.Text)) : new TermQuery(new Term(field, word.Text));
        }

        if (term.Words.Any(w => w.IsPrefix))
        {
            return Span(term, field);
        }

        var phrase = new PhraseQuery();
        foreach (var word in term.Words)
        {
            phrase.Add(new Term(field, word.Text));
        }

        return phrase;
    }

    // "n words apart" counts adjacent words as 1 apart; Lucene's slop counts the words between them.
    private static SpanNearQuery Near(ProximityNode near, string field) => near.Kind switch
    {
        ProximityKind.Near => new SpanNearQuery([Span(near.Left, field), Span(near.Right, field)], near.Distance - 1, inOrder: false),
        ProximityKind.Within => new SpanNearQuery([Span(near.Left, field), Span(near.Right, field)], near.Distance - 1, inOrder: true),
        _ => throw new NotSupportedException("no Lucene translation for SAME"),
    };

    private static SpanQuery Span(Node node, string field) => node switch
    {
        OrNode or => new SpanOrQuery([.. or.Children.Select(c => Span(c, field))]),
        TermNode { Words.Count: 1 } term => Word(term.Words[0], field),
        TermNode term => new SpanNearQuery([.. term.Words.Select(w => Word(w, field))], 0, inOrder: true),
        _ => throw new NotSupportedException($"no Lucene span for {node.GetType().Name}"),
    };

    private static SpanQuery Word(TermWord word, string field) => word.IsPrefix
        ? new SpanMultiTermQueryWrapper<PrefixQuery>(new PrefixQuery(new Term(field, word.Text)))
        : new SpanTermQuery(new Term(field, word.Text));
}
