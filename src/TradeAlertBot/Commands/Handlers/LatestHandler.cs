using Microsoft.EntityFrameworkCore;
using TradeAlertBot.Commands.Shared;
using TradeAlertBot.Core.Commands;
using TradeAlertBot.Storage;

namespace TradeAlertBot.Commands.Handlers;

/// <summary><c>latest [category] [country]</c>: each argument is recognised as a category name or else a country code.</summary>
public sealed class LatestHandler(TradeAlertDbContext db) : ICommandHandler
{
    public CommandSpec Spec { get; } = CommandCatalog.Named("latest");

    public async Task<CommandReply> HandleAsync(Command command, CommandContext context, CancellationToken ct)
    {
        var categories = await db.Rules.AsNoTracking().Where(r => r.IsCategory).Select(r => r.Name).ToListAsync(ct);
        string? category = null, country = null;
        foreach (var arg in command.Args)
        {
            if (categories.Contains(arg, StringComparer.OrdinalIgnoreCase))
            {
                category = arg.ToLowerInvariant();
            }
            else if (arg.Length == 2 && arg.All(char.IsAsciiLetter))
            {
                country = arg.ToUpperInvariant();
            }
            else
            {
                throw new UsageException($"`{ChatText.Clip(arg, 40)}` is neither a category ({string.Join(", ", categories)}) nor a two-letter country code.");
            }
        }

        return await LatestStories.ReplyAsync(db, category, country, ct);
    }
}
