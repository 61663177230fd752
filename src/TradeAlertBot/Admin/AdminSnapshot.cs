using Microsoft.EntityFrameworkCore;
using TradeAlertBot.Storage;
using TradeAlertBot.Storage.Entities;

namespace TradeAlertBot.Admin;

/// <summary>What the admin page shows, read in one go: feeds, rules, destinations and the newest dead or failed deliveries.</summary>
public sealed record AdminSnapshot(
    IReadOnlyList<Feed> Feeds,
    IReadOnlyList<WatchRule> Rules,
    IReadOnlyList<Destination> Destinations,
    IReadOnlyList<AdminDeliveryRow> Deliveries)
{
    private const int DeliveriesShown = 30;

    public static async Task<AdminSnapshot> LoadAsync(TradeAlertDbContext db, CancellationToken ct)
    {
        var feeds = await db.Feeds.AsNoTracking().OrderBy(f => f.Id).ToListAsync(ct);
        var rules = await db.Rules.AsNoTracking().OrderBy(r => r.IsCategory).ThenBy(r => r.Name).ToListAsync(ct);
        var destinations = await db.Destinations.AsNoTracking().OrderBy(d => d.Id).ToListAsync(ct);
        var deliveries = await db.Deliveries.AsNoTracking()
            .Where(d => d.State == DeliveryState.Dead || d.State == DeliveryState.Failed)
            .OrderByDescending(d => d.Id)
            .Take(DeliveriesShown)
            .Select(d => new AdminDeliveryRow(d.Id, d.State, d.Attempts, d.LastError, d.Story!.Title, d.Destination!.Kind, d.Destination.Address))
            .ToListAsync(ct);
        return new AdminSnapshot(feeds, rules, destinations, deliveries);
    }
}
