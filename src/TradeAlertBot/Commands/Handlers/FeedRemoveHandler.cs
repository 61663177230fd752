using Microsoft.EntityFrameworkCore;
using TradeAlertBot.Audit;
using TradeAlertBot.Commands.Shared;
using TradeAlertBot.Core.Commands;
using TradeAlertBot.Core.Text;
using TradeAlertBot.Storage;

namespace TradeAlertBot.Commands.Handlers;

/// <summary><c>feed remove URL|ID</c>: the feed stops being polled; its past items stay searchable.</summary>
public sealed class FeedRemoveHandler(TradeAlertDbContext db, FeedRegistry feeds) : ICommandHandler
{
    public CommandSpec Spec { get; } = CommandCatalog.Named("feed remove");

    public async Task<CommandReply> HandleAsync(Command command, CommandContext context, CancellationToken ct)
    {
        var arg = command.Args.Count == 1 ? command.Args[0].Trim('<', '>').Split('|')[0] : throw new UsageException("Give the feed's URL or id.");
        var normalized = Uri.TryCreate(arg, UriKind.Absolute, out var url) ? url.AbsoluteUri : arg;
        var feed = long.TryParse(arg, out var id)
            ? await db.Feeds.FirstOrDefaultAsync(f => f.Id == id, ct)
            : await db.Feeds.FirstOrDefaultAsync(f => f.Url == arg || f.Url == normalized, ct);
        if (feed is null)
        {
            throw new UsageException($"No feed `{ChatText.Clip(arg, 80)}` (see `feeds`).");
        }

        feeds.Disable(feed, AuditActor.Chat(context));
        await db.SaveChangesAsync(ct);
        return CommandReply.Say($"Stopped watching feed {feed.Id} ({feed.Title ?? ShownUrl.Redacted(feed.Url)}); its past items stay searchable.");
    }
}
