using TradeAlertBot.Audit;
using TradeAlertBot.Commands.Shared;
using TradeAlertBot.Core.Commands;

namespace TradeAlertBot.Commands.Handlers;

/// <summary><c>rule remove NAME [--reason TEXT]</c>: the rule goes, and the subscriptions to it with it; its history stays.</summary>
public sealed class RuleRemoveHandler(RuleRegistration rules) : ICommandHandler
{
    public CommandSpec Spec { get; } = CommandCatalog.Named("rule remove");

    public async Task<CommandReply> HandleAsync(Command command, CommandContext context, CancellationToken ct)
    {
        var (words, reason) = RuleArguments.WordsAndReason(command);
        var name = words.Length == 1 ? words[0].ToLowerInvariant() : throw new UsageException("Name one rule.");
        var subscriptions = await rules.RemoveAsync(name, AuditActor.Chat(context), reason, ct);
        return CommandReply.Say(line => line.Text("Removed rule ").Code(name)
            .Text(subscriptions > 0 ? $" and {subscriptions} subscription(s) to it." : "."));
    }
}
