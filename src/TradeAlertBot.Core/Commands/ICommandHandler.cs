namespace TradeAlertBot.Core.Commands;

/// <summary>
/// Runs one verb of the <see cref="CommandCatalog"/>. The router has parsed the command and checked admin rights and
/// the scan rate; a handler throws <see cref="UsageException"/> (or a rule syntax error) for bad arguments.
/// </summary>
public interface ICommandHandler
{
    CommandSpec Spec { get; }

    Task<CommandReply> HandleAsync(Command command, CommandContext context, CancellationToken ct);
}
