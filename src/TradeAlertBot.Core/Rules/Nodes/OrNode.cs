using TradeAlertBot.Core.Rules.Matching;

namespace TradeAlertBot.Core.Rules.Nodes;

/// <summary><c>a OR b</c>: at least one child matches.</summary>
public sealed class OrNode(IReadOnlyList<Node> children) : Node
{
    public IReadOnlyList<Node> Children { get; } = children;

    public override string ToString() => "(" + string.Join(" OR ", Children) + ")";

    internal override Matcher Compile(TermTable terms) => new OrMatcher([.. Children.Select(c => c.Compile(terms))]);
}
