using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TradeAlertBot.Commands.Shared;
using TradeAlertBot.Core.Commands;
using TradeAlertBot.Storage;
using TradeAlertBot.Storage.Entities;

namespace TradeAlertBot.Commands.Handlers;

/// <summary><c>subscriptions</c>: this channel's subscriptions and delivery state (paused, quiet, digest, muted, waiting).</summary>
public sealed class SubscriptionsHandler(TradeAlertDbContext db, TimeProvider time) : ICommandHandler
{
    public CommandSpec Spec { get; } = CommandCatalog.Named("subscriptions");

    public async Task<CommandReply> HandleAsync(Command command, CommandContext context, CancellationToken ct)
    {
        var destination = await ChannelDestination.FindAsync(db, context, create: false, ct);
        if (destination is null || destination.Subscriptions.Count == 0)
        {
            return CommandReply.Say(line => line.Text("This channel has no subscriptions. Try ").Code("categories").Text(", then ").Code("subscribe CATEGORY").Text("."));
        }

        var reply = new ReplyBuilder();
        reply.Paragraph().Strong("This channel's subscriptions:");
        foreach (var subscription in destination.Subscriptions.OrderBy(s => s.RuleName))
        {
            reply.Bullet().Describe(subscription);
        }

        if (destination.Paused)
        {
            reply.Paragraph().Text("⚠ Alerts are ").Strong("paused").Text($": {destination.PausedReason}. They are kept and sent once this is fixed.");
        }

        if (destination.QuietHours is not null)
        {
            reply.Paragraph().Text($"Quiet hours: {destination.QuietHours} {destination.TimeZone ?? "UTC"}.");
        }

        if (destination.Digest is not null)
        {
            reply.Paragraph().Text($"Digest: {destination.Digest} {destination.TimeZone ?? "UTC"}, next at {destination.NextDigestAt:d MMM HH:mm} UTC.");
        }

        if (destination.MutedUntil is { } until && until > time.GetUtcNow())
        {
            reply.Paragraph().Text($"Muted until {until.ToString("d MMM HH:mm 'UTC'", CultureInfo.InvariantCulture)} (").Code("mute off").Text(" to resume).");
        }

        var pending = await db.Deliveries.CountAsync(d => d.DestinationId == destination.Id && d.State != DeliveryState.Sent, ct);
        if (pending > 0)
        {
            reply.Paragraph().Text($"{pending} alert(s) waiting to be sent.");
        }

        return reply.Build();
    }
}
