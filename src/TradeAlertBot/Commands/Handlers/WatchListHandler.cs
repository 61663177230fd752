using System.Globalization;
using TradeAlertBot.Commands.Shared;
using TradeAlertBot.Core.Commands;
using TradeAlertBot.Core.Routing;
using TradeAlertBot.Storage;

namespace TradeAlertBot.Commands.Handlers;

/// <summary><c>watch list</c>: this channel's watch list, numbered for <c>watch remove N</c>.</summary>
public sealed class WatchListHandler(TradeAlertDbContext db) : ICommandHandler
{
    public CommandSpec Spec { get; } = CommandCatalog.Named("watch list");

    public async Task<CommandReply> HandleAsync(Command command, CommandContext context, CancellationToken ct)
    {
        var destination = await ChannelDestination.FindAsync(db, context, create: false, ct);
        var entries = destination is null ? [] : await WatchListEntries.ForAsync(db, destination.Id, ct);
        if (entries.Count == 0)
        {
            return CommandReply.Say(line => line.Text("This channel watches nothing yet. Try ").Code("watch add hs:8541.43 country:CN solar cells").Text("."));
        }

        var reply = new ReplyBuilder();
        reply.Paragraph().Strong($"This channel's watch list ({entries.Count}):");
        for (var i = 0; i < entries.Count; i++)
        {
            reply.Bullet().Text((i + 1).ToString(CultureInfo.InvariantCulture) + ". " + entries[i].ToEntry().Describe());
        }

        var subscribed = destination!.Subscriptions.Exists(s => string.Equals(s.RuleName, SubscriptionFilter.WatchListRule, StringComparison.OrdinalIgnoreCase));
        var tail = reply.Paragraph().Text(subscribed
            ? "Every story that touches it is posted here. "
            : "Alerts that touch it say so at the top; to get every story that touches it: ");
        if (!subscribed)
        {
            tail.Code("subscribe watchlist").Text(". ");
        }

        tail.Text("Remove one with ").Code("watch remove N").Text(".");
        return reply.Build();
    }
}
