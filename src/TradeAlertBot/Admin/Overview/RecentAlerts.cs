using Microsoft.EntityFrameworkCore;
using TradeAlertBot.Core.Text;
using TradeAlertBot.Storage;
using TradeAlertBot.Storage.Entities;
using TradeAlertBot.Storage.Queries;

namespace TradeAlertBot.Admin.Overview;

/// <summary>The newest stories filed under a rule, with the destinations their alert was sent to.</summary>
public static class RecentAlerts
{
    public static async Task<IReadOnlyList<RecentAlert>> LoadAsync(TradeAlertDbContext db, int count, CancellationToken ct)
    {
        var stories = await db.Stories.AsNoTracking().Categorized()
            .OrderByDescending(s => s.FirstSeenAt).ThenByDescending(s => s.Id)
            .Take(count)
            .Select(s => new { s.Id, s.Title, s.Link, s.Categories, s.FirstSeenAt })
            .ToListAsync(ct);
        var ids = stories.Select(s => s.Id).ToList();
        var sent = await db.Deliveries.AsNoTracking()
            .Where(d => ids.Contains(d.StoryId) && d.State == DeliveryState.Sent)
            .Select(d => new { d.StoryId, d.Destination!.Kind, d.Destination.Name, d.Destination.Address })
            .ToListAsync(ct);
        var sentTo = sent.ToLookup(d => d.StoryId, d => d.Name ?? $"{d.Kind} {ShownUrl.Origin(d.Address)}");
        return [.. stories.Select(s => new RecentAlert(s.Id, s.Title, s.Link, s.Categories, s.FirstSeenAt, [.. sentTo[s.Id]]))];
    }
}
