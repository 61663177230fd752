namespace TradeAlertBot.Core.Rules.Matching;

/// <summary>The compiled form of a rule node.</summary>
internal abstract class Matcher
{
    /// <summary>
    /// True if the node matches within <paramref name="fields"/>. When <paramref name="evidence"/> is given, the
    /// occurrences that made it match are appended (and nothing is left behind when it does not match).
    /// </summary>
    public abstract bool Match(MatchContext context, FieldMask fields, List<Occurrence>? evidence);

    /// <summary>
    /// Terms of which at least one must occur for the node to match (the prefilter's trigger), or null when the
    /// node can match without any of its terms (a NOT).
    /// </summary>
    public abstract IReadOnlyCollection<int>? Trigger(TermTable terms);
}
