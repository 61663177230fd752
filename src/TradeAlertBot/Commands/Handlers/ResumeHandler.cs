using Microsoft.EntityFrameworkCore;
using TradeAlertBot.Audit;
using TradeAlertBot.Commands.Shared;
using TradeAlertBot.Core.Commands;
using TradeAlertBot.Storage;

namespace TradeAlertBot.Commands.Handlers;

/// <summary><c>resume</c>: this channel's paused alerts go out again.</summary>
public sealed class ResumeHandler(TradeAlertDbContext db, AuditLog audit) : ICommandHandler
{
    public CommandSpec Spec { get; } = CommandCatalog.Named("resume");

    public async Task<CommandReply> HandleAsync(Command command, CommandContext context, CancellationToken ct)
    {
        var destination = await db.Destinations.FirstOrDefaultAsync(d => d.Kind == context.DestinationKind && d.Address == context.Address, ct);
        if (!new ChannelSettings(db, audit).Resume(destination, AuditActor.Chat(context)))
        {
            return CommandReply.Say("This channel's alerts are not paused.");
        }

        await db.SaveChangesAsync(ct);
        return CommandReply.Say("Resumed: this channel's held alerts go out with the next sweep. If the cause is not fixed, they pause again.", isPublic: true);
    }
}
