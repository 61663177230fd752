using System.Globalization;
using TradeAlertBot.Audit;
using TradeAlertBot.Commands.Shared;
using TradeAlertBot.Core.Commands;
using TradeAlertBot.Core.Routing;
using TradeAlertBot.Storage;

namespace TradeAlertBot.Commands.Handlers;

/// <summary><c>digest off|hourly|daily HH:mm [time zone]</c>: alerts are held and sent together at those times.</summary>
public sealed class DigestHandler(TradeAlertDbContext db, TimeProvider time, AuditLog audit) : ICommandHandler
{
    public CommandSpec Spec { get; } = CommandCatalog.Named("digest");

    public async Task<CommandReply> HandleAsync(Command command, CommandContext context, CancellationToken ct)
    {
        var destination = (await ChannelDestination.FindAsync(db, context, create: true, ct))!;
        var zoneId = command.Args.Count == 3 ? command.Args[2] : null;
        var schedule = new ChannelSettings(db, audit).Digest(
            destination, string.Join(' ', command.Args.Take(2)), zoneId, time.GetUtcNow(), AuditActor.Chat(context));
        await db.SaveChangesAsync(ct);
        if (schedule is null)
        {
            return CommandReply.Say("Digest off: alerts are posted as they come (held ones arrive with the next sweep, within minutes).", isPublic: true);
        }

        var zone = ChannelDestination.Zone(zoneId);
        var when = TimeZoneInfo.ConvertTime(destination.NextDigestAt!.Value, zone);
        return CommandReply.Say(
            $"Digest {schedule}{(zoneId is null ? " UTC" : " " + zoneId)}: alerts are collected and posted together; the next one at {when.ToString("d MMM HH:mm", CultureInfo.InvariantCulture)}.",
            isPublic: true);
    }
}
