using Microsoft.EntityFrameworkCore;
using TradeAlertBot.Storage;
using TradeAlertBot.Storage.Entities;

namespace TradeAlertBot.Pages.Admin;

/// <summary>The destinations page's read: every destination with its subscriptions and its held and pending counts.</summary>
public static class DestinationsQuery
{
    public static async Task<IReadOnlyList<DestinationsRow>> LoadAsync(TradeAlertDbContext db, CancellationToken ct)
    {
        var destinations = await db.Destinations.AsNoTracking().Include(d => d.Subscriptions).OrderBy(d => d.Id).ToListAsync(ct);
        var waiting = await db.Deliveries.AsNoTracking().Where(d => d.State == DeliveryState.Pending)
            .GroupBy(d => new { d.DestinationId, Held = d.HeldFor != null })
            .Select(g => new { g.Key.DestinationId, g.Key.Held, Count = g.Count() })
            .ToListAsync(ct);
        int Count(long id, bool held) => waiting.Where(w => w.DestinationId == id && w.Held == held).Sum(w => w.Count);
        return [.. destinations.Select(d => new DestinationsRow(d, Count(d.Id, held: true), Count(d.Id, held: false)))];
    }

    /// <summary>The rule and category names a subscription may name, for the form's list.</summary>
    public static async Task<IReadOnlyList<string>> RuleNamesAsync(TradeAlertDbContext db, CancellationToken ct) =>
        await db.Rules.AsNoTracking().OrderBy(r => r.IsCategory).ThenBy(r => r.Name).Select(r => r.Name).ToListAsync(ct);
}
