namespace TradeAlertBot.Core.Rules.Matching;

/// <summary>Where a term occurs: a field and the first and last word positions it covers.</summary>
internal readonly record struct Occurrence(Field Field, int First, int Last)
{
    public bool In(FieldMask mask) => (mask & (Field == Field.Title ? FieldMask.Title : FieldMask.Body)) != 0;
}
