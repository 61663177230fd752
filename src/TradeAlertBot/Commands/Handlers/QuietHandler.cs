using TradeAlertBot.Audit;
using TradeAlertBot.Commands.Shared;
using TradeAlertBot.Core.Commands;
using TradeAlertBot.Core.Routing;
using TradeAlertBot.Storage;

namespace TradeAlertBot.Commands.Handlers;

/// <summary><c>quiet 22:00-07:00 [time zone]|off</c>: alerts wait during those hours and arrive together afterwards.</summary>
public sealed class QuietHandler(TradeAlertDbContext db, AuditLog audit) : ICommandHandler
{
    public CommandSpec Spec { get; } = CommandCatalog.Named("quiet");

    public async Task<CommandReply> HandleAsync(Command command, CommandContext context, CancellationToken ct)
    {
        var destination = (await ChannelDestination.FindAsync(db, context, create: true, ct))!;
        var before = AuditTargets.ChannelSettings(destination);
        if (command.Args is ["off"])
        {
            destination.QuietHours = null;
            audit.StageSettings(AuditActor.Chat(context), destination, before);
            await db.SaveChangesAsync(ct);
            return CommandReply.Say("Quiet hours off.", isPublic: true);
        }

        var hours = command.Args.Count is 1 or 2 ? QuietHours.TryParse(command.Args[0]) : null;
        if (hours is null)
        {
            throw new UsageException("Say `quiet 22:00-07:00` (optionally with a time zone such as Europe/Berlin) or `quiet off`.");
        }

        var zoneId = command.Args.Count == 2 ? command.Args[1] : destination.TimeZone;
        _ = ChannelDestination.Zone(zoneId); // refuses an unknown zone

        (destination.QuietHours, destination.TimeZone) = (hours.ToString(), zoneId);
        audit.StageSettings(AuditActor.Chat(context), destination, before);
        await db.SaveChangesAsync(ct);
        return CommandReply.Say($"Quiet hours {hours} {zoneId ?? "UTC"}: alerts in those hours are held and posted together afterwards.", isPublic: true);
    }
}
