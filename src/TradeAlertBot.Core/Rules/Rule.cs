using TradeAlertBot.Core.Rules.Matching;
using TradeAlertBot.Core.Rules.Nodes;
using TradeAlertBot.Core.Rules.Parsing;

namespace TradeAlertBot.Core.Rules;

/// <summary>A named rule: its text as written and the parsed tree. Create with <see cref="Parse"/>.</summary>
public sealed class Rule
{
    /// <summary>Longest accepted rule text, in characters.</summary>
    public const int MaxLength = 4000;

    private Rule(string name, string text, Node root)
    {
        Name = name;
        Text = text;
        Root = root;
    }

    public string Name { get; }

    public string Text { get; }

    public Node Root { get; }

    /// <summary>Parses and validates rule text.</summary>
    /// <exception cref="RuleSyntaxException">The text is not a valid rule, or the rule could never match or would match almost anything.</exception>
    public static Rule Parse(string name, string text)
    {
        if (text.Length > MaxLength)
        {
            throw new RuleSyntaxException(1, 1, $"rule is {text.Length} characters long; the limit is {MaxLength}");
        }

        var root = new RuleParser(new RuleLexer(text).Lex()).Parse();
        var terms = new TermTable();
        if (root.Compile(terms).Trigger(terms) is null)
        {
            // Only NOTs at the top: it would match nearly every item.
            throw new RuleSyntaxException(1, 1, "rule is too broad: it can match an item that contains none of its terms (a rule made only of NOT)");
        }

        return new Rule(name, text, root);
    }

    /// <summary>A part of a parsed rule as a rule of its own, for explaining a match; null when the part has no
    /// term that must occur (it could not be evaluated on its own).</summary>
    internal static Rule? FromPart(string name, Node part)
    {
        var terms = new TermTable();
        return part.Compile(terms).Trigger(terms) is null ? null : new Rule(name, part.ToString() ?? "", part);
    }

    public override string ToString() => $"{Name}: {Root}";
}
