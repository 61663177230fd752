using Microsoft.EntityFrameworkCore;
using TradeAlertBot.Audit;
using TradeAlertBot.Commands.Shared;
using TradeAlertBot.Core.Commands;
using TradeAlertBot.Core.Threads;
using TradeAlertBot.Deliveries;
using TradeAlertBot.Deliveries.Threads;
using TradeAlertBot.Storage;
using TradeAlertBot.Storage.Entities;

namespace TradeAlertBot.Commands.Handlers;

/// <summary>
/// <c>remind 1d|3d|off</c>, <c>remind comments on|off</c>: when this channel's alerts remind it of their action's
/// effective date (and comment deadline) in their thread. A change replans the reminders not yet sent.
/// </summary>
public sealed class RemindHandler(TradeAlertDbContext db, TimeProvider time, AuditLog audit) : ICommandHandler
{
    private const string Usage = "Say `remind 1d`, `remind 3d` or `remind off` (effective dates), or `remind comments on|off` (comment deadlines).";

    public CommandSpec Spec { get; } = CommandCatalog.Named("remind");

    public async Task<CommandReply> HandleAsync(Command command, CommandContext context, CancellationToken ct)
    {
        var destination = (await ChannelDestination.FindAsync(db, context, create: true, ct))!;
        if (command.Args.Count == 0)
        {
            return CommandReply.Say($"Reminders: {ReminderSettings.From(destination.Remind, destination.RemindComments).Describe()}.");
        }

        var before = AuditTargets.ChannelSettings(destination);
        switch (command.Args.Select(a => a.ToLowerInvariant()).ToList())
        {
            case ["comments", "on"]:
                destination.RemindComments = true;
                break;
            case ["comments", "off"]:
                destination.RemindComments = false;
                break;
            case [var lead] when ReminderSettings.Choices.Contains(lead):
                destination.Remind = lead == ReminderSettings.Default ? null : lead;
                break;
            default:
                throw new UsageException(Usage);
        }

        audit.StageSettings(AuditActor.Chat(context), destination, before);
        await ReplanAsync(destination, ct);
        await db.SaveChangesAsync(ct);
        return CommandReply.Say($"Reminders: {ReminderSettings.From(destination.Remind, destination.RemindComments).Describe()}, at 09:00 {destination.TimeZone ?? "UTC"}.", isPublic: true);
    }

    // Every sent alert whose action still has a date ahead: its unsent reminders move, go or are added.
    private async Task ReplanAsync(Destination destination, CancellationToken ct)
    {
        if (destination.Id == 0)
        {
            return; // a new channel has no alerts yet
        }

        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime).AddDays(-1); // a day of slack for time zones
        var deliveries = await db.Deliveries.Include(d => d.Story)
            .Where(d => d.DestinationId == destination.Id && d.State == DeliveryState.Sent && d.MessageId != null)
            .Where(d => d.Story!.EffectiveOn >= today || d.Story.CommentsCloseOn >= today)
            .ToListAsync(ct);
        await ReminderPlanner.PlanAsync(db, destination, deliveries, time.GetUtcNow(), ct);
    }
}
