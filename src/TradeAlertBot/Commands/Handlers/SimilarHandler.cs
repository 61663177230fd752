using TradeAlertBot.Commands.Shared;
using TradeAlertBot.Core.Commands;
using TradeAlertBot.Storage;
using TradeAlertBot.Storage.Queries;

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

        var category = await db.Stories.FirstCategoryAsync(storyId, ct);
        return await LatestStories.ReplyAsync(db, category, null, ct);
    }
}
