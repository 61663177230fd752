namespace TradeAlertBot.Core.Rules.Matching;

/// <summary>A node with word positions (a term, or an OR-group of terms): the operands of proximity.</summary>
internal interface IPositional
{
    void CollectPositions(MatchContext context, FieldMask fields, List<Occurrence> output);
}
