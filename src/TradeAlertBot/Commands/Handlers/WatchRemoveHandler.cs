using System.Globalization;
using TradeAlertBot.Audit;
using TradeAlertBot.Commands.Shared;
using TradeAlertBot.Core.Commands;
using TradeAlertBot.Storage;

namespace TradeAlertBot.Commands.Handlers;

/// <summary><c>watch remove N</c>: removes the Nth entry of <c>watch list</c>.</summary>
public sealed class WatchRemoveHandler(TradeAlertDbContext db, AuditLog audit) : ICommandHandler
{
    public CommandSpec Spec { get; } = CommandCatalog.Named("watch remove");

    public async Task<CommandReply> HandleAsync(Command command, CommandContext context, CancellationToken ct)
    {
        if (command.Args.Count != 1 || !int.TryParse(command.Args[0], NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < 1)
        {
            throw new UsageException("Give the number of the entry, as `watch list` shows it: `watch remove 2`.");
        }

        var destination = await ChannelDestination.FindAsync(db, context, create: false, ct);
        var entries = destination is null ? [] : await WatchListEntries.ForAsync(db, destination.Id, ct);
        if (number > entries.Count)
        {
            throw new UsageException(entries.Count == 0
                ? "This channel's watch list is empty."
                : $"The watch list has {entries.Count} entries; see `watch list` for their numbers.");
        }

        var row = entries[number - 1];
        WatchListEntries.Remove(db, audit, AuditActor.Chat(context), destination!, row);
        await db.SaveChangesAsync(ct);
        return CommandReply.Say($"This channel no longer watches {row.ToEntry().Describe()}. The other entries' numbers may have changed (`watch list`).", isPublic: true);
    }
}
