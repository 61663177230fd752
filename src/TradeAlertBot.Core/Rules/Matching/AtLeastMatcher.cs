namespace TradeAlertBot.Core.Rules.Matching;

internal sealed class AtLeastMatcher(int termId, int count) : Matcher
{
    public override bool Match(MatchContext context, FieldMask fields, List<Occurrence>? evidence)
    {
        var found = 0;
        foreach (var occurrence in context.Occurrences(termId))
        {
            if (occurrence.In(fields))
            {
                found++;
            }
        }

        if (found < count)
        {
            return false;
        }

        if (evidence is not null)
        {
            foreach (var occurrence in context.Occurrences(termId))
            {
                if (occurrence.In(fields))
                {
                    EvidenceLimit.Add(evidence, occurrence);
                }
            }
        }

        return true;
    }

    public override IReadOnlyCollection<int>? Trigger(TermTable terms) => [termId];
}
