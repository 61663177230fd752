using TradeAlertBot.Core.Rules.Matching;

namespace TradeAlertBot.Core.Rules.Nodes;

/// <summary><c>@name</c>: a shipped cue list (<see cref="CueLists"/>), matched as the expression it holds.</summary>
public sealed class CueListNode(string name, Node inner) : Node
{
    public string Name { get; } = name;

    public Node Inner { get; } = inner;

    public override string ToString() => "@" + Name;

    internal override Matcher Compile(TermTable terms) => Inner.Compile(terms);
}
