namespace TradeAlertBot.Core.Rules.Matching;

internal sealed class TermMatcher(int termId) : Matcher, IPositional
{
    public int TermId { get; } = termId;

    public override bool Match(MatchContext context, FieldMask fields, List<Occurrence>? evidence)
    {
        var found = false;
        foreach (var occurrence in context.Occurrences(TermId))
        {
            if (occurrence.In(fields))
            {
                found = true;
                if (evidence is null)
                {
                    return true;
                }

                EvidenceLimit.Add(evidence, occurrence);
            }
        }

        return found;
    }

    public void CollectPositions(MatchContext context, FieldMask fields, List<Occurrence> output)
    {
        foreach (var occurrence in context.Occurrences(TermId))
        {
            if (occurrence.In(fields))
            {
                output.Add(occurrence);
            }
        }
    }

    public override IReadOnlyCollection<int>? Trigger(TermTable terms) => [TermId];
}
