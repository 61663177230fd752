namespace TradeAlertBot.Core.Rules.Matching;

internal sealed class FieldMatcher(FieldMask field, Matcher child) : Matcher
{
    public override bool Match(MatchContext context, FieldMask fields, List<Occurrence>? evidence) =>
        (fields & field) != FieldMask.None && child.Match(context, fields & field, evidence);

    public override IReadOnlyCollection<int>? Trigger(TermTable terms) => child.Trigger(terms);
}
