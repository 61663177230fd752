namespace TradeAlertBot.Core.Rules.Matching;

/// <summary>
/// Two-pointer walks over occurrence lists sorted by (field, position): each list is passed once, so proximity
/// costs O(left + right) after sorting (and a single term's occurrences arrive sorted already).
/// </summary>
internal static class ProximityScan
{
    /// <summary>
    /// True if some occurrence of <paramref name="seconds"/> (sorted by first word) starts 1 to
    /// <paramref name="distance"/> words after the end of one of <paramref name="firsts"/> (sorted by last word) in
    /// the same field. With <paramref name="evidence"/>, every such second is added and the walk goes on.
    /// </summary>
    public static bool AnyFollowed(List<Occurrence> firsts, List<Occurrence> seconds, int distance, List<Occurrence>? evidence)
    {
        var found = false;
        var p = 0;
        foreach (var b in seconds)
        {
            // The first "first" that ends no more than distance words before b: if it ends before b, b has a partner;
            // if not, no later one can (they end later still). b's window only moves forward, so p never goes back.
            var windowStart = Key(b.Field, b.First - distance);
            while (p < firsts.Count && Key(firsts[p].Field, firsts[p].Last) < windowStart)
            {
                p++;
            }

            if (p < firsts.Count && firsts[p].Field == b.Field && firsts[p].Last < b.First)
            {
                found = true;
                if (evidence is null)
                {
                    return true;
                }

                EvidenceLimit.Add(evidence, b);
            }
        }

        return found;
    }

    /// <summary>Adds every occurrence of <paramref name="firsts"/> followed within <paramref name="distance"/> words by one of <paramref name="seconds"/>.</summary>
    public static void MarkPreceding(List<Occurrence> firsts, List<Occurrence> seconds, int distance, List<Occurrence> evidence)
    {
        var q = 0;
        foreach (var a in firsts)
        {
            var windowStart = Key(a.Field, a.Last + 1);
            while (q < seconds.Count && Key(seconds[q].Field, seconds[q].First) < windowStart)
            {
                q++;
            }

            if (q < seconds.Count && seconds[q].Field == a.Field && seconds[q].First - a.Last <= distance)
            {
                EvidenceLimit.Add(evidence, a);
            }
        }
    }

    /// <summary>True if an occurrence of each list starts in the same sentence of the same field.</summary>
    public static bool SameSentence(MatchContext context, List<Occurrence> lefts, List<Occurrence> rights, List<Occurrence>? evidence)
    {
        // Sentence numbers never decrease along a field, so sorting by first word sorts by sentence too.
        SortByFirst(lefts);
        SortByFirst(rights);
        var found = false;
        int i = 0, j = 0;
        while (i < lefts.Count && j < rights.Count)
        {
            var left = SentenceKey(context, lefts[i]);
            var right = SentenceKey(context, rights[j]);
            if (left < right)
            {
                i++;
                continue;
            }

            if (right < left)
            {
                j++;
                continue;
            }

            found = true;
            if (evidence is null)
            {
                return true;
            }

            // Everything of this sentence on both sides is evidence.
            for (; i < lefts.Count && SentenceKey(context, lefts[i]) == left; i++)
            {
                EvidenceLimit.Add(evidence, lefts[i]);
            }

            for (; j < rights.Count && SentenceKey(context, rights[j]) == left; j++)
            {
                EvidenceLimit.Add(evidence, rights[j]);
            }
        }

        return found;
    }

    public static void SortByFirst(List<Occurrence> list)
    {
        if (!IsSorted(list, static o => Key(o.Field, o.First)))
        {
            list.Sort(static (a, b) => Key(a.Field, a.First).CompareTo(Key(b.Field, b.First)));
        }
    }

    public static void SortByLast(List<Occurrence> list)
    {
        if (!IsSorted(list, static o => Key(o.Field, o.Last)))
        {
            list.Sort(static (a, b) => Key(a.Field, a.Last).CompareTo(Key(b.Field, b.Last)));
        }
    }

    private static bool IsSorted(List<Occurrence> list, Func<Occurrence, long> key)
    {
        for (var i = 1; i < list.Count; i++)
        {
            if (key(list[i]) < key(list[i - 1]))
            {
                return false;
            }
        }

        return true;
    }

    // Title positions order before body positions; a window start may be negative, which still orders correctly.
    private static long Key(Field field, int position) => ((long)field << 32) + position;

    private static long SentenceKey(MatchContext context, Occurrence occurrence) => Key(occurrence.Field, context.Sentence(occurrence));
}
