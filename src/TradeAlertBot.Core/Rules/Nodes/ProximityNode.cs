using TradeAlertBot.Core.Rules.Matching;

namespace TradeAlertBot.Core.Rules.Nodes;

/// <summary>
/// <c>a NEAR/n b</c>, <c>a W/n b</c>, <c>a SAME b</c>. Operands are terms or OR-groups of terms; "n words apart"
/// counts word positions from the end of one to the start of the other (adjacent words are 1 apart). Never
/// crosses from title to body.
/// </summary>
public sealed class ProximityNode(Node left, Node right, ProximityKind kind, int distance) : Node
{
    public Node Left { get; } = left;
    public Node Right { get; } = right;
    public ProximityKind Kind { get; } = kind;
    public int Distance { get; } = distance;

    public override string ToString() => Kind switch
    {
        ProximityKind.Near => $"({Left} NEAR/{Distance} {Right})",
        ProximityKind.Within => $"({Left} W/{Distance} {Right})",
        _ => $"({Left} SAME {Right})",
    };

    internal override Matcher Compile(TermTable terms) =>
        new ProximityMatcher((IPositional)Left.Compile(terms), (IPositional)Right.Compile(terms), Kind, Distance);
}
