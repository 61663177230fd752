using Microsoft.EntityFrameworkCore;
using TradeAlertBot.Core.Commands;
using TradeAlertBot.Storage;
using TradeAlertBot.Storage.Entities;

namespace TradeAlertBot.Commands.Shared;

/// <summary>The destination row of the channel a command came from, with its subscriptions.</summary>
public static class ChannelDestination
{
    /// <summary>The channel's destination; with <paramref name="create"/>, a new one staged for the caller's save.</summary>
    public static async Task<Destination?> FindAsync(TradeAlertDbContext db, CommandContext context, bool create, CancellationToken ct)
    {
        var destination = await db.Destinations.Include(d => d.Subscriptions)
            .FirstOrDefaultAsync(d => d.Kind == context.DestinationKind && d.Address == context.Address, ct);
        if (destination is null && create)
        {
            destination = new Destination { Kind = context.DestinationKind, Address = context.Address, TeamId = context.TeamId };
            db.Destinations.Add(destination);
        }

        return destination;
    }

    /// <summary>A time zone argument (null: UTC).</summary>
    /// <exception cref="UsageException">Not a known zone id.</exception>
    public static TimeZoneInfo Zone(string? id) =>
        id is null ? TimeZoneInfo.Utc
        : TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone
        : throw new UsageException($"`{ChatText.Clip(id, 40)}` is not a time zone; use a name like Europe/Berlin or America/New_York.");
}
