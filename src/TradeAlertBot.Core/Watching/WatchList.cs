using TradeAlertBot.Core.Extraction;

namespace TradeAlertBot.Core.Watching;

/// <summary>A destination's watch list, as routing and alerts see it.</summary>
public sealed record WatchList(IReadOnlyList<WatchEntry> Entries)
{
    /// <summary>Entries one destination may keep: enough for a tariff schedule's worth of lines, small enough to route every batch.</summary>
    public const int MaxEntries = 500;

    /// <summary>Entries shown in the alert's line at most; the rest are counted.</summary>
    public const int MaxShown = 5;

    /// <summary>The entries a report's facts touch, in list order.</summary>
    public IReadOnlyList<WatchMatch> Match(ExtractedFacts facts) =>
        [.. Entries.Select(e => e.Match(facts)).OfType<WatchMatch>()];

    /// <summary>
    /// The text after "Your watch list: " ("8541.43 solar cells, from CN; EVs"), or null when nothing matched. Full
    /// matches come before broader ones.
    /// </summary>
    public string? Line(ExtractedFacts facts)
    {
        var matches = Match(facts).OrderBy(m => m.BroaderCode is not null).ToList();
        if (matches.Count == 0)
        {
            return null;
        }

        var shown = string.Join("; ", matches.Take(MaxShown).Select(m => m.Describe()));
        return matches.Count > MaxShown ? $"{shown} and {matches.Count - MaxShown} more" : shown;
    }
}
