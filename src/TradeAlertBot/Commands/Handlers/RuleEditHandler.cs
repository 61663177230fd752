using TradeAlertBot.Audit;
using TradeAlertBot.Commands.Shared;
using TradeAlertBot.Core.Commands;

namespace TradeAlertBot.Commands.Handlers;

/// <summary><c>rule edit NAME QUERY [--reason TEXT]</c>: a watch rule gets a new query, kept as a new version.</summary>
public sealed class RuleEditHandler(RuleRegistration rules) : ICommandHandler
{
    public CommandSpec Spec { get; } = CommandCatalog.Named("rule edit");

    public async Task<CommandReply> HandleAsync(Command command, CommandContext context, CancellationToken ct)
    {
        var (name, query, reason) = RuleArguments.NameAndQuery(command);
        var version = await rules.EditAsync(name, query, AuditActor.Chat(context), reason, ct);
        return CommandReply.Say(line => line.Text("Changed rule ").Code(name).Text($" (version {version}); the new query applies from the next poll on. Undo with ")
            .Code($"rule revert {name} {version - 1}").Text("."));
    }
}
