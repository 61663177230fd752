using Microsoft.EntityFrameworkCore;
using TradeAlertBot.Core.Commands;
using TradeAlertBot.Core.Text;
using TradeAlertBot.Storage;

namespace TradeAlertBot.Commands.Handlers;

/// <summary><c>feeds</c>: the watched feeds and their health.</summary>
public sealed class FeedsHandler(TradeAlertDbContext db) : ICommandHandler
{
    private const int Shown = 40;

    public CommandSpec Spec { get; } = CommandCatalog.Named("feeds");

    public async Task<CommandReply> HandleAsync(Command command, CommandContext context, CancellationToken ct)
    {
        var feeds = await db.Feeds.AsNoTracking().OrderBy(f => f.Id).ToListAsync(ct);
        if (feeds.Count == 0)
        {
            return CommandReply.Say(line => line.Text("No feeds yet. An admin adds one with ").Code("feed add URL").Text("."));
        }

        var reply = new ReplyBuilder();
        reply.Paragraph().Strong($"Feeds ({feeds.Count}):");
        foreach (var feed in feeds.Take(Shown))
        {
            var health = !feed.Enabled ? "disabled: " + feed.DisabledReason
                : feed.ConsecutiveErrors > 0 ? $"failing ({feed.ConsecutiveErrors}×): {feed.LastError}"
                : feed.LastStatus ?? "not polled yet";
            reply.Bullet().Text($"{feed.Id}: {feed.Title ?? ShownUrl.Redacted(feed.Url)} — {ChatText.Clip(health, 150)}");
        }

        if (feeds.Count > Shown)
        {
            reply.Paragraph().Text($"…and {feeds.Count - Shown} more (see the admin page).");
        }

        return reply.Build();
    }
}
