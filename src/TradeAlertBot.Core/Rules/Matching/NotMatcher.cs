namespace TradeAlertBot.Core.Rules.Matching;

internal sealed class NotMatcher(Matcher child) : Matcher
{
    public override bool Match(MatchContext context, FieldMask fields, List<Occurrence>? evidence) =>
        !child.Match(context, fields, null);

    public override IReadOnlyCollection<int>? Trigger(TermTable terms) => null;
}
