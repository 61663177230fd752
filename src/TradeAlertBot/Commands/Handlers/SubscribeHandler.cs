using Microsoft.EntityFrameworkCore;
using TradeAlertBot.Audit;
using TradeAlertBot.Commands.Shared;
using TradeAlertBot.Core.Commands;
using TradeAlertBot.Core.Routing;
using TradeAlertBot.Storage;

namespace TradeAlertBot.Commands.Handlers;

/// <summary><c>subscribe CATEGORY|RULE [filters]</c>: the channel gets alerts for matching stories.</summary>
public sealed class SubscribeHandler(TradeAlertDbContext db, AuditLog audit) : ICommandHandler
{
    public CommandSpec Spec { get; } = CommandCatalog.Named("subscribe");

    public async Task<CommandReply> HandleAsync(Command command, CommandContext context, CancellationToken ct)
    {
        var wanted = await SubscriptionArgs.ParseAsync(db, command, mustExist: true, ct);
        var destination = (await ChannelDestination.FindAsync(db, context, create: true, ct))!;
        if (!new ChannelSettings(db, audit).Subscribe(destination, wanted, AuditActor.Chat(context)))
        {
            return CommandReply.Say(line => line.Text("This channel already gets ").Describe(wanted).Text("."));
        }

        await db.SaveChangesAsync(ct);
        var emptyList = wanted.RuleName == SubscriptionFilter.WatchListRule && !await db.WatchListEntries.AnyAsync(e => e.DestinationId == destination.Id, ct);
        return CommandReply.Say(line =>
        {
            line.Text("Subscribed this channel to ").Describe(wanted).Text(". New matching stories will be posted here.");
            if (emptyList)
            {
                line.Text(" Its watch list is empty so far: ").Code("watch add hs:CODE").Text(".");
            }
        }, isPublic: true);
    }
}
