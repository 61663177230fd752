using Microsoft.EntityFrameworkCore;
using TradeAlertBot.Commands.Shared;
using TradeAlertBot.Core.Commands;
using TradeAlertBot.Storage;

namespace TradeAlertBot.Commands.Handlers;

/// <summary><c>sources</c>: the recommended official sources, what each covers, where its URL comes from, and which are watched.</summary>
public sealed class SourcesHandler(SourceCatalog catalog, TradeAlertDbContext db) : ICommandHandler
{
    public CommandSpec Spec { get; } = CommandCatalog.Named("sources");

    public async Task<CommandReply> HandleAsync(Command command, CommandContext context, CancellationToken ct)
    {
        var sources = catalog.All;
        var urls = sources.Select(s => s.Url.AbsoluteUri).ToList();
        var watched = (await db.Feeds.AsNoTracking().Where(f => f.Enabled && urls.Contains(f.Url)).Select(f => f.Url).ToListAsync(ct)).ToHashSet();
        var reply = new ReplyBuilder();
        reply.Paragraph().Strong($"Recommended official sources ({sources.Count}):");
        foreach (var source in sources)
        {
            var state = watched.Contains(source.Url.AbsoluteUri) ? " Watched." : "";
            reply.Bullet()
                .Code(source.Name).Text($" — {source.Title}: {source.Covers}.{state}")
                .Text($" URL: {source.Url.AbsoluteUri} (from: {source.Origin})");
        }

        reply.Paragraph().Text("An admin adds one with ").Code("sources add NAME").Text(".");
        return reply.Build();
    }
}
