using TradeAlertBot.Audit;
using TradeAlertBot.Commands.Shared;
using TradeAlertBot.Core.Commands;

namespace TradeAlertBot.Commands.Handlers;

/// <summary><c>replay ID</c>: a failed or dead delivery goes out again with the next sweep; a sent one never does.</summary>
public sealed class ReplayHandler(DeliveryReplay replay) : ICommandHandler
{
    public CommandSpec Spec { get; } = CommandCatalog.Named("replay");

    public async Task<CommandReply> HandleAsync(Command command, CommandContext context, CancellationToken ct)
    {
        if (command.Args.Count != 1 || !long.TryParse(command.Args[0], out var id))
        {
            throw new UsageException("Give one delivery id (see `deliveries dead`).");
        }

        return CommandReply.Say(await replay.ReplayAsync(id, AuditActor.Chat(context), ct));
    }
}
