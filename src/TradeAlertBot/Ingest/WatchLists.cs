using Microsoft.EntityFrameworkCore;
using TradeAlertBot.Core.Extraction;
using TradeAlertBot.Core.Watching;
using TradeAlertBot.Storage;
using TradeAlertBot.Storage.Entities;

namespace TradeAlertBot.Ingest;

/// <summary>
/// Every destination's watch list, read once per batch for routing (lists are short and few), and the lines of
/// destinations a story already went to.
/// </summary>
internal static class WatchLists
{
    public static async Task<Dictionary<long, WatchList>> LoadAsync(TradeAlertDbContext db, CancellationToken ct)
    {
        var entries = await db.WatchListEntries.AsNoTracking().OrderBy(e => e.Id).ToListAsync(ct);
        return entries.GroupBy(e => e.DestinationId)
            .ToDictionary(g => g.Key, g => new WatchList([.. g.Select(e => e.ToEntry())]));
    }

    /// <summary>The destinations among <paramref name="served"/> whose list this report touches, with their line.</summary>
    public static IEnumerable<(long DestinationId, string Line)> Touched(Dictionary<long, WatchList> lists, IEnumerable<long> served, ExtractedFacts facts) =>
        served.Select(id => (id, Line: lists.GetValueOrDefault(id)?.Line(facts))).Where(t => t.Line is not null).Select(t => (t.id, t.Line!));

    /// <summary>
    /// A later report of a story that touches the list of a destination the story already went to: that delivery gets
    /// the line if it had none, so the alert's next update (a new outlet) shows it at the top. A line already shown is
    /// kept as it was.
    /// </summary>
    public static async Task SetLateLinesAsync(TradeAlertDbContext db, List<Delivery> fresh,
        List<(Story Story, long DestinationId, string Line)> lines, CancellationToken ct)
    {
        if (lines.Count == 0)
        {
            return;
        }

        var storyIds = lines.Select(l => l.Story.Id).Where(id => id != 0).Distinct().ToList();
        var stored = storyIds.Count == 0 ? [] : await db.Deliveries.Where(d => storyIds.Contains(d.StoryId) && d.WatchLine == null).ToListAsync(ct);
        foreach (var (story, destinationId, line) in lines)
        {
            var delivery = fresh.Find(d => ReferenceEquals(d.Story, story) && d.DestinationId == destinationId)
                ?? stored.Find(d => d.StoryId == story.Id && story.Id != 0 && d.DestinationId == destinationId);
            if (delivery is { WatchLine: null })
            {
                delivery.WatchLine = Clip(line);
            }
        }
    }

    public static string? Clip(string? line) =>
        line is { Length: > Delivery.MaxWatchLine } ? line[..(Delivery.MaxWatchLine - 1)] + "…" : line;
}
