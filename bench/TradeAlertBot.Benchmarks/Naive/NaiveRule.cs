using System.Text.RegularExpressions;

namespace TradeAlertBot.Benchmarks.Naive;

/// <summary>
/// The baseline the matcher is measured against: each rule compiled to its own Regex objects and every rule
/// evaluated on every item — what a straightforward implementation does.
/// </summary>
public abstract class NaiveRule
{
    protected const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled;

    public abstract bool IsMatch(NaiveDocument document);

    protected static Regex Word(string word) => new($@"\b{word}\b", Options);

    protected static Regex Prefix(string prefix) => new($@"\b{prefix}\w*", Options);

    protected static bool InEither(Regex regex, NaiveDocument d) => regex.IsMatch(d.Title) || regex.IsMatch(d.Body);
}

/// <summary><c>"a b" AND c</c></summary>
public sealed class NaivePhraseAnd(string a, string b, string c) : NaiveRule
{
    private readonly Regex _phrase = new($@"\b{a}\W+{b}\b", Options);
    private readonly Regex _c = Word(c);

    public override bool IsMatch(NaiveDocument d) => InEither(_phrase, d) && InEither(_c, d);
}

/// <summary><c>a AND b* NOT c</c></summary>
public sealed class NaiveAndNot(string a, string bPrefix, string c) : NaiveRule
{
    private readonly Regex _a = Word(a);
    private readonly Regex _b = Prefix(bPrefix);
    private readonly Regex _c = Word(c);

    public override bool IsMatch(NaiveDocument d) => InEither(_a, d) && InEither(_b, d) && !InEither(_c, d);
}

/// <summary><c>title:(a) AND b</c></summary>
public sealed class NaiveTitleAnd(string a, string b) : NaiveRule
{
    private readonly Regex _a = Word(a);
    private readonly Regex _b = Word(b);

    public override bool IsMatch(NaiveDocument d) => _a.IsMatch(d.Title) && InEither(_b, d);
}

/// <summary><c>(a OR b*) NEAR/n c</c>: some a-or-b word and some c word at most n words apart, in one field.</summary>
public sealed class NaiveNear(string a, string bPrefix, string c, int distance) : NaiveRule
{
    private readonly Regex _left = new($@"\b{a}\b|\b{bPrefix}\w*", Options);
    private readonly Regex _right = Word(c);

    public override bool IsMatch(NaiveDocument d) =>
        Near(d.Title, d.TitleWordStarts) || Near(d.Body, d.BodyWordStarts);

    private bool Near(string text, int[] starts)
    {
        var right = _right.Matches(text);
        if (right.Count == 0)
        {
            return false;
        }

        foreach (Match l in _left.Matches(text))
        {
            var li = NaiveDocument.WordIndex(starts, l.Index);
            foreach (Match r in right)
            {
                if (Math.Abs(NaiveDocument.WordIndex(starts, r.Index) - li) <= distance)
                {
                    return true;
                }
            }
        }

        return false;
    }
}
