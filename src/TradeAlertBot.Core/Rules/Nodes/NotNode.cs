using TradeAlertBot.Core.Rules.Matching;

namespace TradeAlertBot.Core.Rules.Nodes;

/// <summary><c>NOT a</c>: the child does not match. Contributes no evidence.</summary>
public sealed class NotNode(Node child) : Node
{
    public Node Child { get; } = child;

    public override string ToString() => $"(NOT {Child})";

    internal override Matcher Compile(TermTable terms) => new NotMatcher(Child.Compile(terms));
}
