using Microsoft.EntityFrameworkCore;
using TradeAlertBot.Core.Text;
using TradeAlertBot.Storage;
using TradeAlertBot.Storage.Entities;

namespace TradeAlertBot.Pages.Admin;

/// <summary>The deliveries page's read: the newest dead and failed rows, optionally of one state and one destination.</summary>
public static class DeliveriesQuery
{
    /// <summary>The most rows one page shows; the filters narrow a longer list.</summary>
    public const int Shown = 200;

    public static async Task<IReadOnlyList<DeliveriesRow>> LoadAsync(TradeAlertDbContext db, DeliveryState? state, long? destination, CancellationToken ct)
    {
        var rows = db.Deliveries.AsNoTracking().Where(d => d.State == DeliveryState.Dead || d.State == DeliveryState.Failed);
        if (state is { } wanted)
        {
            rows = rows.Where(d => d.State == wanted);
        }

        if (destination is { } id)
        {
            rows = rows.Where(d => d.DestinationId == id);
        }

        return await rows.OrderByDescending(d => d.Id).Take(Shown)
            .Select(d => new DeliveriesRow(d.Id, d.State, d.Attempts, d.LastError, d.CreatedAt, d.RuleName, d.Story!.Title,
                d.DestinationId, d.Destination!.Kind, d.Destination.Address, d.Destination.Name))
            .ToListAsync(ct);
    }

    public static async Task<IReadOnlyList<(long Id, string Label)>> DestinationsAsync(TradeAlertDbContext db, CancellationToken ct)
    {
        var all = await db.Destinations.AsNoTracking().OrderBy(d => d.Id).Select(d => new { d.Id, d.Kind, d.Address, d.Name }).ToListAsync(ct);
        return [.. all.Select(d => (d.Id, Describe(d.Kind, d.Address, d.Name)))];
    }

    public static string Describe(string kind, string address, string? name) =>
        $"{kind}:{ShownUrl.Origin(address)}" + (name is null ? "" : $" ({name})");
}
