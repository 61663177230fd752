using Microsoft.EntityFrameworkCore;
using TradeAlertBot.Core.Commands;
using TradeAlertBot.Storage;
using TradeAlertBot.Storage.Entities;

namespace TradeAlertBot.Commands.Handlers;

/// <summary><c>deliveries dead|pending|failed</c>: the newest such rows, with their errors.</summary>
public sealed class DeliveriesHandler(TradeAlertDbContext db) : ICommandHandler
{
    private const int Shown = 15;

    public CommandSpec Spec { get; } = CommandCatalog.Named("deliveries");

    public async Task<CommandReply> HandleAsync(Command command, CommandContext context, CancellationToken ct)
    {
        var stateText = command.Args.Count == 1 ? command.Args[0] : "dead";
        if (!Enum.TryParse<DeliveryState>(stateText, ignoreCase: true, out var state) || !Enum.IsDefined(state) || char.IsDigit(stateText[0]))
        {
            throw new UsageException($"`{ChatText.Clip(stateText, 20)}` is not a state; use dead, pending or failed.");
        }

        var rows = await db.Deliveries.AsNoTracking().Where(d => d.State == state).OrderByDescending(d => d.Id).Take(Shown)
            .Select(d => new { d.Id, d.Attempts, d.LastError, d.Story!.Title, d.Destination!.Kind, d.Destination.Address })
            .ToListAsync(ct);
        if (rows.Count == 0)
        {
            return CommandReply.Say($"No {state.ToString().ToLowerInvariant()} deliveries.");
        }

        var reply = new ReplyBuilder();
        reply.Paragraph().Strong($"{state} deliveries (newest {rows.Count}):");
        foreach (var row in rows)
        {
            reply.Bullet().Text($"{row.Id}: {ChatText.Clip(row.Title, 80)} → {row.Kind}:{ChatText.Clip(row.Address, 40)}, "
                + $"{row.Attempts} attempt(s){(row.LastError is null ? "" : ": " + ChatText.Clip(row.LastError, 120))}");
        }

        reply.Paragraph().Text("Send one again with ").Code("replay ID").Text(".");
        return reply.Build();
    }
}
