using TradeAlertBot.Core.Rules.Nodes;

namespace TradeAlertBot.Core.Rules.Matching;

/// <summary>
/// NEAR/n, W/n and SAME in linear time: both operands' positions are walked once in order with two pointers,
/// never pair by pair (a body of one repeated pair of words made the pairwise way quadratic in time and memory).
/// </summary>
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
            if (rights.Count == 0)
            {
                return false;
            }

            return kind switch
            {
                ProximityKind.Within => After(lefts, rights, evidence),
                ProximityKind.Near => Near(lefts, rights, evidence),
                _ => ProximityScan.SameSentence(context, lefts, rights, evidence),
            };
        }
        finally
        {
            context.ReturnList(rights);
            context.ReturnList(lefts);
        }
    }

    // Evidence is the set the pairwise way collected, every occurrence that is part of some satisfying pair, so
    // with evidence wanted both sides are marked (and both directions of NEAR walked); without, the first pair ends it.
    private bool Near(List<Occurrence> lefts, List<Occurrence> rights, List<Occurrence>? evidence)
    {
        var forward = After(lefts, rights, evidence);
        if (forward && evidence is null)
        {
            return true;
        }

        return After(rights, lefts, evidence) || forward;
    }

    private bool After(List<Occurrence> firsts, List<Occurrence> seconds, List<Occurrence>? evidence)
    {
        ProximityScan.SortByLast(firsts);
        ProximityScan.SortByFirst(seconds);
        var found = ProximityScan.AnyFollowed(firsts, seconds, distance, evidence);
        if (evidence is not null && found)
        {
            ProximityScan.MarkPreceding(firsts, seconds, distance, evidence);
        }

        return found;
    }

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
