namespace TradeAlertBot.Core.Rules.Matching;

/// <summary>
/// Bounds the evidence one rule collects: hostile text can make a rule match thousands of times, and an alert
/// needs only a few reasons. Occurrences may repeat before <see cref="RuleSet"/> dedupes them into
/// at most <see cref="RuleSet.MaxHitsPerRule"/> hits, so a few times that many are kept.
/// </summary>
internal static class EvidenceLimit
{
    public const int MaxOccurrences = 4 * RuleSet.MaxHitsPerRule;

    public static void Add(List<Occurrence> evidence, Occurrence occurrence)
    {
        if (evidence.Count < MaxOccurrences)
        {
            evidence.Add(occurrence);
        }
    }
}
