using Microsoft.EntityFrameworkCore;
using TradeAlertBot.Audit;
using TradeAlertBot.Commands.Shared;
using TradeAlertBot.Core.Commands;
using TradeAlertBot.Storage;
using TradeAlertBot.Storage.Entities;

namespace TradeAlertBot.Commands.Handlers;

/// <summary><c>admin add @user</c>: the user becomes an admin in the caller's workspace (Slack) or tenant (Teams) only.</summary>
public sealed class AdminAddHandler(TradeAlertDbContext db, TimeProvider time, AuditLog audit) : ICommandHandler
{
    public CommandSpec Spec { get; } = CommandCatalog.Named("admin add");

    public async Task<CommandReply> HandleAsync(Command command, CommandContext context, CancellationToken ct)
    {
        var (team, user) = AdminArgument.Parse(context, command);
        if (!await db.Admins.AnyAsync(a => a.Platform == context.Platform && a.TeamId == team && a.UserId == user, ct))
        {
            db.Admins.Add(new ChatAdmin { Platform = context.Platform, TeamId = team, UserId = user, AddedBy = context.UserId, AddedAt = time.GetUtcNow() });
            audit.Stage(AuditActor.Chat(context), AuditAction.AdminAdd, $"admin {context.Platform}:{team}/{user}", null, "admin");
            await db.SaveChangesAsync(ct);
        }

        return CommandReply.Say(line => line.User(context, user).Text(" can now run admin commands."));
    }
}
