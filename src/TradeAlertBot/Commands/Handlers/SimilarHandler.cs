using Microsoft.EntityFrameworkCore;
using TradeAlertBot.Commands.Shared;
using TradeAlertBot.Core.Commands;
using TradeAlertBot.Storage;

namespace TradeAlertBot.Commands.Handlers;

/// <summary>An alert's "More like this": the latest stories of the alert's first category (all stories if it has none).</summary>
public sealed class SimilarHandler(TradeAlertDbContext db) : ICommandHandler
{
    public CommandSpec Spec { get; } = CommandCatalog.Similar;

    public async Task<CommandReply> HandleAsync(Command command, CommandContext context, CancellationToken ct)
    {
        if (command.Args.Count != 1 || !long.TryParse(command.Args[0], out var storyId))
        {
            throw new UsageException("Name one story id.");
        }

        var categories = await db.Stories.Where(s => s.Id == storyId).Select(s => s.Categories).FirstOrDefaultAsync(ct) ?? "";
        var category = categories.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        return await LatestStories.ReplyAsync(db, category, null, ct);
    }
}
