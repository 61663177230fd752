using TradeAlertBot.Core.Rules.Matching;

namespace TradeAlertBot.Core.Rules.Nodes;

/// <summary><c>title:(…)</c> or <c>body:(…)</c>: the child is matched in that field only.</summary>
public sealed class FieldNode(Field field, Node child) : Node
{
    public Field Field { get; } = field;
    public Node Child { get; } = child;

    public override string ToString() => $"{(Field == Field.Title ? "title" : "body")}:({Child})";

    internal override Matcher Compile(TermTable terms) =>
        new FieldMatcher(Field == Field.Title ? FieldMask.Title : FieldMask.Body, Child.Compile(terms));
}
