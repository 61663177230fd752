using TradeAlertBot.Audit;
using TradeAlertBot.Commands.Shared;
using TradeAlertBot.Core.Commands;
using TradeAlertBot.Storage;

namespace TradeAlertBot.Commands.Handlers;

/// <summary><c>quiet 22:00-07:00 [time zone]|off</c>: alerts wait during those hours and arrive together afterwards.</summary>
public sealed class QuietHandler(TradeAlertDbContext db, AuditLog audit) : ICommandHandler
{
    public CommandSpec Spec { get; } = CommandCatalog.Named("quiet");

    public async Task<CommandReply> HandleAsync(Command command, CommandContext context, CancellationToken ct)
    {
        if (command.Args.Count is not (1 or 2))
        {
            throw new UsageException("Say `quiet 22:00-07:00` (optionally with a time zone such as Europe/Berlin) or `quiet off`.");
        }

        var destination = (await ChannelDestination.FindAsync(db, context, create: true, ct))!;
        var hours = new ChannelSettings(db, audit).Quiet(destination, command.Args[0], command.Args.Count == 2 ? command.Args[1] : null, AuditActor.Chat(context));
        await db.SaveChangesAsync(ct);
        if (hours is null)
        {
            return CommandReply.Say("Quiet hours off.", isPublic: true);
        }

        return CommandReply.Say($"Quiet hours {hours} {destination.TimeZone ?? "UTC"}: alerts in those hours are held and posted together afterwards.", isPublic: true);
    }
}
