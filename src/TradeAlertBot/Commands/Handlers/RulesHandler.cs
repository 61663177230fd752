using Microsoft.EntityFrameworkCore;
using TradeAlertBot.Core.Commands;
using TradeAlertBot.Storage;

namespace TradeAlertBot.Commands.Handlers;

/// <summary><c>rules</c>: the categories and watch rules with their queries.</summary>
public sealed class RulesHandler(TradeAlertDbContext db) : ICommandHandler
{
    // Keeps the answer one screen long (and within one Slack section); the admin page lists them all.
    private const int MaxLength = 3000;

    public CommandSpec Spec { get; } = CommandCatalog.Named("rules");

    public async Task<CommandReply> HandleAsync(Command command, CommandContext context, CancellationToken ct)
    {
        var rules = await db.Rules.AsNoTracking().OrderBy(r => !r.IsCategory).ThenBy(r => r.Name).ToListAsync(ct);
        var reply = new ReplyBuilder();
        reply.Paragraph().Strong("Rules:");
        foreach (var rule in rules)
        {
            if (reply.Length > MaxLength)
            {
                reply.Paragraph().Text("…");
                break;
            }

            reply.Bullet().Code(rule.Name).Text((rule.IsCategory ? " (category)" : "") + ": " + ChatText.Clip(rule.Query.ReplaceLineEndings(" "), 200));
        }

        return reply.Build();
    }
}
