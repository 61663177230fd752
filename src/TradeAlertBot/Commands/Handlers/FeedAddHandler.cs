using TradeAlertBot.Audit;
using TradeAlertBot.Commands.Shared;
using TradeAlertBot.Core.Commands;

namespace TradeAlertBot.Commands.Handlers;

/// <summary><c>feed add URL</c>: watches a feed the SSRF guard allows (<see cref="FeedRegistry"/>).</summary>
public sealed class FeedAddHandler(FeedRegistry feeds) : ICommandHandler
{
    public CommandSpec Spec { get; } = CommandCatalog.Named("feed add");

    public async Task<CommandReply> HandleAsync(Command command, CommandContext context, CancellationToken ct)
    {
        // Slack sends a pasted link as <url> or <url|label>.
        var text = command.Args.Count == 1 ? command.Args[0].Trim('<', '>') : throw new UsageException("Give one feed URL.");
        var message = await feeds.AddAndSaveAsync(text, AuditActor.Chat(context), ct);
        return CommandReply.Say(line => line.Quoted(message));
    }
}
