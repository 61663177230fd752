using TradeAlertBot.Audit;
using TradeAlertBot.Commands.Shared;
using TradeAlertBot.Core.Commands;
using TradeAlertBot.Core.Routing;
using TradeAlertBot.Storage;

namespace TradeAlertBot.Commands.Handlers;

/// <summary><c>watch add hs:CODE|product:"NAME"|country:XX [country:XX] [label]</c>: one entry on this channel's watch list.</summary>
public sealed class WatchAddHandler(TradeAlertDbContext db, AuditLog audit, TimeProvider time) : ICommandHandler
{
    public CommandSpec Spec { get; } = CommandCatalog.Named("watch add");

    public async Task<CommandReply> HandleAsync(Command command, CommandContext context, CancellationToken ct)
    {
        var entry = WatchArgs.Parse(command.Rest);
        var destination = (await ChannelDestination.FindAsync(db, context, create: true, ct))!;
        var existing = await WatchListEntries.ForAsync(db, destination.Id, ct);
        var known = existing.FindIndex(row => WatchListEntries.Same(row, entry));
        if (known >= 0)
        {
            return CommandReply.Say($"This channel already watches {existing[known].ToEntry().Describe()} (entry {known + 1} of `watch list`).");
        }

        WatchListEntries.Add(db, audit, AuditActor.Chat(context), destination, existing, [entry], time.GetUtcNow());
        await db.SaveChangesAsync(ct);
        var subscribed = destination.Subscriptions.Exists(s => string.Equals(s.RuleName, SubscriptionFilter.WatchListRule, StringComparison.OrdinalIgnoreCase));
        return CommandReply.Say(line =>
        {
            line.Text($"This channel now watches {entry.Describe()} (entry {existing.Count}). Alerts that touch it say so at the top");
            if (subscribed)
            {
                line.Text(", and every story that touches it is posted here.");
            }
            else
            {
                line.Text("; ").Code("subscribe watchlist").Text(" to get every story that touches the list, whatever its category.");
            }
        }, isPublic: true);
    }
}
