using TradeAlertBot.Core.Commands;

namespace TradeAlertBot.Commands.Handlers;

/// <summary><c>help</c>: every command with its usage and summary.</summary>
public sealed class HelpHandler : ICommandHandler
{
    public CommandSpec Spec { get; } = CommandCatalog.Named("help");

    public Task<CommandReply> HandleAsync(Command command, CommandContext context, CancellationToken ct)
    {
        var reply = new ReplyBuilder();
        reply.Paragraph().Strong("TradeAlertBot").Text(" watches trade-policy news and alerts channels. Commands:");
        foreach (var spec in CommandCatalog.All)
        {
            var line = reply.Bullet().Code(spec.Usage).Text(" — " + spec.Summary);
            if (spec.AdminOnly)
            {
                line.Text(" ").Emphasis("(admin)");
            }
        }

        return Task.FromResult(reply.Build());
    }
}
