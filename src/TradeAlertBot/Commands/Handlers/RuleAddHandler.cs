using TradeAlertBot.Audit;
using TradeAlertBot.Commands.Shared;
using TradeAlertBot.Core.Commands;

namespace TradeAlertBot.Commands.Handlers;

/// <summary><c>rule add NAME QUERY [--reason TEXT]</c>: a new watch rule, recorded as created by the caller.</summary>
public sealed class RuleAddHandler(RuleRegistration rules) : ICommandHandler
{
    public CommandSpec Spec { get; } = CommandCatalog.Named("rule add");

    public async Task<CommandReply> HandleAsync(Command command, CommandContext context, CancellationToken ct)
    {
        var (name, query, reason) = RuleArguments.NameAndQuery(command);
        await rules.AddAsync(name, query, AuditActor.Chat(context), reason, ct);
        return CommandReply.Say(line => line.Text("Added rule ").Code(name)
            .Text("; it applies to items from the next poll on. Subscribe a channel with ").Code($"subscribe {name}").Text("."));
    }
}
