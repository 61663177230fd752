using Microsoft.EntityFrameworkCore;
using TradeAlertBot.Core.Extraction;
using TradeAlertBot.Core.Routing;
using TradeAlertBot.Storage;
using TradeAlertBot.Storage.Entities;

namespace TradeAlertBot.Ingest;

/// <summary>
/// A batch's reports to Delivery rows: one query for the destinations the batch's known stories already went to
/// (not one per item) and one for the watch lists, then the pure <see cref="SubscriptionRouter"/>. A destination gets
/// a story once.
/// </summary>
internal static class ReportRouting
{
    public static async Task<List<Delivery>> RouteAsync(TradeAlertDbContext db,
        List<(Story Story, string[] Categories, ExtractedFacts Facts)> reports, List<RoutedSubscription> subscriptions, DateTimeOffset now, CancellationToken ct)
    {
        var known = reports.Select(r => r.Story.Id).Where(id => id != 0).Distinct().ToList();
        var sent = known.Count == 0 ? [] : await db.Deliveries.Where(d => known.Contains(d.StoryId))
            .Select(d => new { d.StoryId, d.DestinationId }).ToListAsync(ct);
        var watchLists = await WatchLists.LoadAsync(db, ct);
        var served = new Dictionary<Story, HashSet<long>>(ReferenceEqualityComparer.Instance);
        var deliveries = new List<Delivery>();
        var lateLines = new List<(Story Story, long DestinationId, string Line)>();
        foreach (var (story, categories, facts) in reports)
        {
            if (!served.TryGetValue(story, out var destinations))
            {
                served[story] = destinations = [.. sent.Where(d => d.StoryId == story.Id).Select(d => d.DestinationId)];
            }

            lateLines.AddRange(WatchLists.Touched(watchLists, destinations, facts).Select(t => (story, t.DestinationId, t.Line)));

            foreach (var target in SubscriptionRouter.Route(categories, facts, subscriptions, destinations, watchLists))
            {
                destinations.Add(target.DestinationId);
                deliveries.Add(new Delivery
                {
                    Story = story,
                    DestinationId = target.DestinationId,
                    RuleName = target.RuleName,
                    WatchLine = WatchLists.Clip(target.WatchLine),
                    State = DeliveryState.Pending,
                    CreatedAt = now,
                });
            }
        }

        await WatchLists.SetLateLinesAsync(db, deliveries, lateLines, ct);
        return deliveries;
    }

    /// <summary>
    /// Deliveries already sent for stories that gained an outlet: they are re-run as updates ("reported by N outlets").
    /// </summary>
    public static async Task<List<long>> SentForAsync(TradeAlertDbContext db, List<Story> touched, CancellationToken ct)
    {
        var touchedIds = touched.Select(s => s.Id).Distinct().ToList();
        return touchedIds.Count == 0 ? [] : await db.Deliveries
            .Where(d => touchedIds.Contains(d.StoryId) && d.State == DeliveryState.Sent)
            .Select(d => d.Id)
            .ToListAsync(ct);
    }
}
