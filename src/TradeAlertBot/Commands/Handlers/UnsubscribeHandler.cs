using TradeAlertBot.Audit;
using TradeAlertBot.Commands.Shared;
using TradeAlertBot.Core.Commands;
using TradeAlertBot.Storage;

namespace TradeAlertBot.Commands.Handlers;

/// <summary><c>unsubscribe CATEGORY|RULE [filters]</c> (and an alert's "Mute rule"): removes one subscription.</summary>
public sealed class UnsubscribeHandler(TradeAlertDbContext db, AuditLog audit) : ICommandHandler
{
    public CommandSpec Spec { get; } = CommandCatalog.Named("unsubscribe");

    public async Task<CommandReply> HandleAsync(Command command, CommandContext context, CancellationToken ct)
    {
        // The rule need not exist any more: a subscription to a removed rule can still be dropped.
        var wanted = await SubscriptionArgs.ParseAsync(db, command, mustExist: false, ct);
        var destination = await ChannelDestination.FindAsync(db, context, create: false, ct);
        if (new ChannelSettings(db, audit).Unsubscribe(destination, wanted, AuditActor.Chat(context)) is null)
        {
            return CommandReply.Say(line => line.Text("This channel has no subscription to ").Describe(wanted).Text(". See ").Code("subscriptions").Text("."));
        }

        await db.SaveChangesAsync(ct);
        return CommandReply.Say(line => line.Text("Unsubscribed this channel from ").Describe(wanted).Text("."), isPublic: true);
    }
}
