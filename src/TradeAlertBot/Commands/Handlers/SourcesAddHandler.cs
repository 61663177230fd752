using TradeAlertBot.Audit;
using TradeAlertBot.Commands.Shared;
using TradeAlertBot.Core.Commands;
using TradeAlertBot.Storage;

namespace TradeAlertBot.Commands.Handlers;

/// <summary><c>sources add NAME</c>: watches a catalogue source, as <c>feed add</c> would its URL (same guard, same audit entry).</summary>
public sealed class SourcesAddHandler(SourceCatalog catalog, FeedRegistry feeds, TradeAlertDbContext db) : ICommandHandler
{
    public CommandSpec Spec { get; } = CommandCatalog.Named("sources add");

    public async Task<CommandReply> HandleAsync(Command command, CommandContext context, CancellationToken ct)
    {
        if (command.Args.Count != 1)
        {
            throw new UsageException("Give one source name (see `sources`).");
        }

        var source = catalog.Find(command.Args[0])
            ?? throw new UsageException($"No source is called `{ChatText.Clip(command.Args[0], 40)}`. Known: {string.Join(", ", catalog.All.Select(s => s.Name))}.");
        var result = await feeds.AddAsync(source.Url.AbsoluteUri, source.Title, AuditActor.Chat(context), ct);
        if (result is not FeedAddResult.Added)
        {
            throw new UsageException(result.Message);
        }

        await db.SaveChangesAsync(ct);
        return CommandReply.Say(line => line.Quoted($"{source.Title}: {result.Message}"));
    }
}
