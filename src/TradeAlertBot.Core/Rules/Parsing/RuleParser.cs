using TradeAlertBot.Core.Rules.Nodes;
using TradeAlertBot.Core.Text;

namespace TradeAlertBot.Core.Rules.Parsing;

/// <summary>
/// Recursive-descent parser. Precedence, tightest first: terms, field scopes and ATLEASTn; NEAR/n, W/n, SAME;
/// NOT; AND (explicit or implied by adjacency); OR.
/// <code>
/// rule  := or END
/// or    := and ("OR" and)*
/// and   := not (["AND"] not)*          -- "a NOT b" is "a AND NOT b"
/// not   := "NOT" not | prox
/// prox  := unary (("NEAR/n" | "W/n" | "SAME") unary)?
/// unary := WORD | PHRASE | "@" CUELIST | "(" or ")" | FIELD ":" unary | "ATLEASTn" (WORD | PHRASE)
/// </code>
/// </summary>
internal sealed class RuleParser(List<LexToken> tokens, int maxTerms = RuleParser.MaxTerms)
{
    public const int MaxDepth = 32;
    public const int MaxTerms = 200;
    private const int MinPrefixLength = 3;

    private int _position;
    private int _depth;
    private int _terms;

    private LexToken Current => tokens[_position];

    private LexToken Previous => tokens[Math.Max(0, _position - 1)];

    public Node Parse()
    {
        if (Current.Kind == LexKind.End)
        {
            throw Error(Current, "empty rule: expected a word or a \"phrase\"");
        }

        var root = ParseOr();
        if (Current.Kind == LexKind.RightParen)
        {
            throw Error(Current, "unexpected ')': no '(' is open");
        }

        if (Current.Kind != LexKind.End)
        {
            throw Error(Current, $"expected an operator or the end of the rule, found {Current.Describe()}");
        }

        return root;
    }

    private Node ParseOr()
    {
        var children = new List<Node> { ParseAnd() };
        while (Current.Kind == LexKind.Or)
        {
            _position++;
            children.Add(ParseAnd());
        }

        return children.Count == 1 ? children[0] : new OrNode(children);
    }

    private Node ParseAnd()
    {
        var children = new List<Node> { ParseNot() };
        while (true)
        {
            if (Current.Kind == LexKind.And)
            {
                _position++;
                children.Add(ParseNot());
            }
            else if (StartsOperand(Current.Kind) || Current.Kind == LexKind.Not)
            {
                children.Add(ParseNot()); // adjacency is AND
            }
            else
            {
                break;
            }
        }

        if (children.Count == 1)
        {
            return children[0];
        }

        RejectContradiction(children);
        return new AndNode(children);
    }

    private Node ParseNot()
    {
        if (Current.Kind != LexKind.Not)
        {
            return ParseProximity();
        }

        _position++;
        return new NotNode(Nested(ParseNot));
    }

    private Node ParseProximity()
    {
        var left = ParseUnary();
        if (Current.Kind is not (LexKind.Near or LexKind.Within or LexKind.Same))
        {
            return left;
        }

        var op = Current;
        _position++;
        var right = ParseUnary();
        RequirePositional(left, op, "before");
        RequirePositional(right, op, "after");
        if (Current.Kind is LexKind.Near or LexKind.Within or LexKind.Same)
        {
            throw Error(Current, $"'{Current.Text}' cannot follow another proximity operator; use parentheses and AND, e.g. (a NEAR/5 b) AND (b NEAR/5 c)");
        }

        var kind = op.Kind switch
        {
            LexKind.Near => ProximityKind.Near,
            LexKind.Within => ProximityKind.Within,
            _ => ProximityKind.Same,
        };
        return new ProximityNode(left, right, kind, op.Number);
    }

    private Node ParseUnary()
    {
        var token = Current;
        switch (token.Kind)
        {
            case LexKind.Word or LexKind.Phrase:
                _position++;
                return Term(token);
            case LexKind.CueList:
                _position++;
                return CueList(token);
            case LexKind.LeftParen:
                _position++;
                if (Current.Kind == LexKind.RightParen)
                {
                    throw Error(Current, "empty parentheses: expected a word or a \"phrase\" after '('");
                }

                var inner = Nested(ParseOr);
                if (Current.Kind != LexKind.RightParen)
                {
                    throw Error(Current, $"expected ')' after {Previous.Describe()}");
                }

                _position++;
                return inner;
            case LexKind.FieldScope:
                _position++;
                var field = token.Text switch
                {
                    "title" or "TITLE" or "Title" => Field.Title,
                    "body" or "BODY" or "Body" => Field.Body,
                    _ => throw Error(token, $"unknown field '{token.Text}:'; expected title: or body:"),
                };
                return new FieldNode(field, Nested(ParseUnary));
            case LexKind.AtLeast:
                _position++;
                if (Current.Kind is not (LexKind.Word or LexKind.Phrase))
                {
                    throw Error(Current, $"expected a word or a \"phrase\" after '{token.Text}'");
                }

                var term = Term(Current);
                _position++;
                return new AtLeastNode(token.Number, term);
            case LexKind.End:
                throw Error(token, $"expected a word or a \"phrase\" after {Previous.Describe()}");
            default:
                throw Error(token, $"expected a word or a \"phrase\", found {token.Describe()}");
        }
    }

    private static bool StartsOperand(LexKind kind) =>
        kind is LexKind.Word or LexKind.Phrase or LexKind.CueList or LexKind.LeftParen or LexKind.FieldScope or LexKind.AtLeast;

    // A shipped cue list is parsed on its own (its terms have their own limit) and counts as one term here; a
    // list made only of words, phrases and OR may stand beside NEAR, W/ and SAME like any OR-group.
    private Node CueList(LexToken token)
    {
        if (++_terms > maxTerms)
        {
            throw Error(token, $"rule has more than {maxTerms} terms");
        }

        var list = CueLists.Find(token.Text)
            ?? throw Error(token, $"unknown cue list '@{token.Text}'; the shipped lists are {string.Join(", ", CueLists.Names.Select(n => "@" + n))}");
        return new CueListNode(token.Text, list);
    }

    private Node Nested(Func<Node> parse)
    {
        if (++_depth > MaxDepth)
        {
            throw Error(Current, $"rule nests deeper than {MaxDepth} levels");
        }

        var node = parse();
        _depth--;
        return node;
    }

    private TermNode Term(LexToken token)
    {
        if (++_terms > maxTerms)
        {
            throw Error(token, $"rule has more than {maxTerms} terms");
        }

        var words = new List<TermWord>();
        foreach (var chunk in token.Text.Split(' ', '\t', '\r', '\n'))
        {
            if (chunk.Length == 0)
            {
                continue;
            }

            var star = chunk.IndexOf('*');
            if (star >= 0 && star != chunk.Length - 1)
            {
                throw Error(token, $"in {token.Describe()}: a wildcard '*' may only end a word");
            }

            var split = Tokenizer.Tokenize(star >= 0 ? chunk[..^1] : chunk);
            if (split.Count == 0)
            {
                throw Error(token, star >= 0 && chunk.Length == 1
                    ? "rule is too broad: a lone '*' matches every word"
                    : $"{token.Describe()} has no letters or digits to match");
            }

            for (var i = 0; i < split.Count; i++)
            {
                var prefix = star >= 0 && i == split.Count - 1;
                if (prefix && split[i].Text.Length < MinPrefixLength)
                {
                    throw Error(token, $"wildcard '{chunk}' is too broad: put at least {MinPrefixLength} letters before '*'");
                }

                words.Add(new TermWord(split[i].Text, prefix));
            }
        }

        if (words.Count == 0)
        {
            throw Error(token, "empty phrase: expected words between the quotes");
        }

        return new TermNode(words);
    }

    private static void RequirePositional(Node node, LexToken op, string side)
    {
        if (!IsPositional(node))
        {
            throw Error(op, $"the operand {side} '{op.Text}' must be a word, a \"phrase\" or an OR-group of them, e.g. (tariff* OR duties) {op.Text} steel");
        }
    }

    private static bool IsPositional(Node node) => node switch
    {
        TermNode => true,
        OrNode or => or.Children.All(IsPositional),
        CueListNode list => IsPositional(list.Inner),
        _ => false,
    };

    // "x AND NOT x" can never match; reject it rather than silently alerting on nothing.
    private void RejectContradiction(List<Node> children)
    {
        var positive = children.OfType<TermNode>().Select(t => t.Key).ToHashSet();
        foreach (var not in children.OfType<NotNode>())
        {
            if (not.Child is TermNode t && positive.Contains(t.Key))
            {
                throw Error(Previous, $"rule can never match: it requires {t} and NOT {t}");
            }
        }
    }

    private static RuleSyntaxException Error(LexToken at, string reason) => new(at.Line, at.Column, reason);
}
