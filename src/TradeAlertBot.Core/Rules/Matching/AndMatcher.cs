namespace TradeAlertBot.Core.Rules.Matching;

internal sealed class AndMatcher(Matcher[] children) : Matcher
{
    public override bool Match(MatchContext context, FieldMask fields, List<Occurrence>? evidence)
    {
        var mark = evidence?.Count ?? 0;
        foreach (var child in children)
        {
            if (!child.Match(context, fields, evidence))
            {
                evidence?.RemoveRange(mark, evidence.Count - mark);
                return false;
            }
        }

        return true;
    }

    // Any one child's trigger will do; the most selective-looking is the one whose terms are longest
    // (phrases and long words are rarer than short words).
    public override IReadOnlyCollection<int>? Trigger(TermTable terms) =>
        children.Select(c => c.Trigger(terms))
            .Where(t => t is not null)
            .OrderByDescending(t => t!.Min(terms.Selectivity))
            .ThenBy(t => t!.Count)
            .FirstOrDefault();
}
