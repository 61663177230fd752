using TradeAlertBot.Core.Rules.Matching;

namespace TradeAlertBot.Core.Rules.Nodes;

/// <summary><c>a AND b</c> (also written <c>a b</c>): every child matches.</summary>
public sealed class AndNode(IReadOnlyList<Node> children) : Node
{
    public IReadOnlyList<Node> Children { get; } = children;

    public override string ToString() => "(" + string.Join(" AND ", Children) + ")";

    internal override Matcher Compile(TermTable terms) => new AndMatcher([.. Children.Select(c => c.Compile(terms))]);
}
