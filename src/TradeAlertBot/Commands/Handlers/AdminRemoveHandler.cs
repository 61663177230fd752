using Microsoft.EntityFrameworkCore;
using TradeAlertBot.Audit;
using TradeAlertBot.Commands.Shared;
using TradeAlertBot.Core.Commands;
using TradeAlertBot.Storage;
using TradeAlertBot.Storage.Entities;

namespace TradeAlertBot.Commands.Handlers;

/// <summary><c>admin remove @user</c>: takes an admin added by command away (admins named in settings stay).</summary>
public sealed class AdminRemoveHandler(TradeAlertDbContext db, AuditLog audit) : ICommandHandler
{
    public CommandSpec Spec { get; } = CommandCatalog.Named("admin remove");

    public async Task<CommandReply> HandleAsync(Command command, CommandContext context, CancellationToken ct)
    {
        var (team, user) = AdminArgument.Parse(context, command);
        // Tracked rather than a set-based delete, so the removal and its audit entry are one SaveChanges.
        var admins = await db.Admins.Where(a => a.Platform == context.Platform && a.TeamId == team && a.UserId == user).ToListAsync(ct);
        var removed = admins.Count;
        if (removed > 0)
        {
            db.Admins.RemoveRange(admins);
            audit.Stage(AuditActor.Chat(context), AuditAction.AdminRemove, $"admin {context.Platform}:{team}/{user}", "admin", null);
            await db.SaveChangesAsync(ct);
        }

        return CommandReply.Say(line => line.User(context, user).Text(removed > 0
            ? " can no longer run admin commands (admins named in settings stay admins)."
            : " was not an admin added by command (admins named in settings are changed there)."));
    }
}
