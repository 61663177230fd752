namespace TradeAlertBot.Core.Rules.Matching;

internal sealed class OrMatcher(Matcher[] children) : Matcher, IPositional
{
    public override bool Match(MatchContext context, FieldMask fields, List<Occurrence>? evidence)
    {
        var any = false;
        foreach (var child in children)
        {
            // With evidence wanted, every matching alternative is evidence, so keep going.
            if (child.Match(context, fields, evidence))
            {
                any = true;
                if (evidence is null)
                {
                    return true;
                }
            }
        }

        return any;
    }

    public void CollectPositions(MatchContext context, FieldMask fields, List<Occurrence> output)
    {
        foreach (var child in children)
        {
            ((IPositional)child).CollectPositions(context, fields, output);
        }
    }

    public override IReadOnlyCollection<int>? Trigger(TermTable terms)
    {
        var union = new HashSet<int>();
        foreach (var child in children)
        {
            if (child.Trigger(terms) is not { } trigger)
            {
                return null;
            }

            union.UnionWith(trigger);
        }

        return union;
    }
}
