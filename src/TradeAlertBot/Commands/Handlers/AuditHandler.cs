using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TradeAlertBot.Core.Commands;
using TradeAlertBot.Storage;
using TradeAlertBot.Storage.Queries;

namespace TradeAlertBot.Commands.Handlers;

/// <summary><c>audit [COUNT]</c>: the latest admin actions, newest first; the command line's <c>audit</c> filters and exports.</summary>
public sealed class AuditHandler(TradeAlertDbContext db) : ICommandHandler
{
    private const int DefaultCount = 10;
    private const int MaxCount = 50;

    public CommandSpec Spec { get; } = CommandCatalog.Named("audit");

    public async Task<CommandReply> HandleAsync(Command command, CommandContext context, CancellationToken ct)
    {
        var count = command.Args.Count switch
        {
            0 => DefaultCount,
            1 when int.TryParse(command.Args[0], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is > 0 and <= MaxCount => n,
            _ => throw new UsageException($"Give how many entries to show, 1 to {MaxCount} (default {DefaultCount})."),
        };
        var entries = await db.AuditLog.AsNoTracking().Matching(null, null, null).Take(count).ToListAsync(ct);
        if (entries.Count == 0)
        {
            return CommandReply.Say("The audit log is empty.");
        }

        var reply = new ReplyBuilder();
        reply.Paragraph().Strong($"The latest {entries.Count} admin action(s):");
        foreach (var e in entries)
        {
            var line = reply.Bullet().Text($"{e.At.UtcDateTime:yyyy-MM-dd HH:mm}Z ").Code(e.Actor).Text(" ").Strong(e.Action.ToString()).Text(" " + ChatText.Clip(e.Target, 100));
            if (e.Before is not null || e.After is not null)
            {
                line.Text(": ").Code(ChatText.Clip((e.Before ?? "–").ReplaceLineEndings(" "), 80)).Text(" → ").Code(ChatText.Clip((e.After ?? "–").ReplaceLineEndings(" "), 80));
            }
        }

        return reply.Build();
    }
}
