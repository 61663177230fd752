using TradeAlertBot.Commands.Shared;
using TradeAlertBot.Core.Commands;

namespace TradeAlertBot.Commands.Handlers;

/// <summary><c>rule edit NAME QUERY</c>: a watch rule gets a new query.</summary>
public sealed class RuleEditHandler(RuleRegistration rules) : ICommandHandler
{
    public CommandSpec Spec { get; } = CommandCatalog.Named("rule edit");

    public async Task<CommandReply> HandleAsync(Command command, CommandContext context, CancellationToken ct)
    {
        var (name, query) = RuleRegistration.NameAndQuery(command);
        await rules.EditAsync(name, query, ct);
        return CommandReply.Say(line => line.Text("Changed rule ").Code(name).Text("; the new query applies from the next poll on."));
    }
}
