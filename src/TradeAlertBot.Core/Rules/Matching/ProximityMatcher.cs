using TradeAlertBot.Core.Rules.Nodes;

namespace TradeAlertBot.Core.Rules.Matching;

internal sealed class ProximityMatcher(IPositional left, IPositional right, ProximityKind kind, int distance) : Matcher
{
    public override bool Match(MatchContext context, FieldMask fields, List<Occurrence>? evidence)
    {
        var lefts = context.RentList();
        var rights = context.RentList();
        try
        {
            left.CollectPositions(context, fields, lefts);
            if (lefts.Count == 0)
            {
                return false;
            }

            right.CollectPositions(context, fields, rights);
            var found = false;
            foreach (var a in lefts)
            {
                foreach (var b in rights)
                {
                    if (a.Field == b.Field && Satisfies(context, a, b))
                    {
                        found = true;
                        if (evidence is null)
                        {
                            return true;
                        }

                        evidence.Add(a);
                        evidence.Add(b);
                    }
                }
            }

            return found;
        }
        finally
        {
            context.ReturnList(rights);
            context.ReturnList(lefts);
        }
    }

    private bool Satisfies(MatchContext context, Occurrence a, Occurrence b) => kind switch
    {
        ProximityKind.Near => (b.First > a.Last && b.First - a.Last <= distance) || (a.First > b.Last && a.First - b.Last <= distance),
        ProximityKind.Within => b.First > a.Last && b.First - a.Last <= distance,
        _ => context.Sentence(a) == context.Sentence(b),
    };

    public override IReadOnlyCollection<int>? Trigger(TermTable terms)
    {
        var l = ((Matcher)left).Trigger(terms);
        var r = ((Matcher)right).Trigger(terms);
        if (l is null || r is null)
        {
            return l ?? r;
        }

        return l.Min(terms.Selectivity) >= r.Min(terms.Selectivity) ? l : r;
    }
}
