using Microsoft.EntityFrameworkCore;
using TradeAlertBot.Core.Commands;
using TradeAlertBot.Storage;

namespace TradeAlertBot.Commands.Handlers;

/// <summary><c>categories</c>: the category names a channel can subscribe to.</summary>
public sealed class CategoriesHandler(TradeAlertDbContext db) : ICommandHandler
{
    public CommandSpec Spec { get; } = CommandCatalog.Named("categories");

    public async Task<CommandReply> HandleAsync(Command command, CommandContext context, CancellationToken ct)
    {
        var names = await db.Rules.AsNoTracking().Where(r => r.IsCategory).OrderBy(r => r.Name).Select(r => r.Name).ToListAsync(ct);
        var reply = new ReplyBuilder();
        var line = reply.Paragraph().Strong("Categories:").Text(" ");
        for (var i = 0; i < names.Count; i++)
        {
            line.Text(i > 0 ? ", " : "").Code(names[i]);
        }

        reply.Paragraph().Text("Subscribe this channel with ").Code("subscribe CATEGORY").Text(".");
        return reply.Build();
    }
}
