using System.Globalization;
using TradeAlertBot.Audit;
using TradeAlertBot.Commands.Shared;
using TradeAlertBot.Core.Commands;

namespace TradeAlertBot.Commands.Handlers;

/// <summary><c>rule revert NAME VERSION [--reason TEXT]</c>: an earlier version's query again, as a new version.</summary>
public sealed class RuleRevertHandler(RuleRegistration rules) : ICommandHandler
{
    public CommandSpec Spec { get; } = CommandCatalog.Named("rule revert");

    public async Task<CommandReply> HandleAsync(Command command, CommandContext context, CancellationToken ct)
    {
        var (words, reason) = RuleArguments.WordsAndReason(command);
        if (words.Length != 2 || !int.TryParse(words[1], NumberStyles.None, CultureInfo.InvariantCulture, out var old))
        {
            throw new UsageException("Give a rule name and a version number (see `rule history NAME`).");
        }

        var name = words[0].ToLowerInvariant();
        var version = await rules.RevertAsync(name, old, AuditActor.Chat(context), reason, ct);
        return CommandReply.Say(line => line.Text("Rule ").Code(name).Text($" has version {old}'s query again (now version {version}); it applies from the next poll on."));
    }
}
