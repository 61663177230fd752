using Microsoft.EntityFrameworkCore;
using TradeAlertBot.Commands.Shared;
using TradeAlertBot.Core.Commands;
using TradeAlertBot.Storage;

namespace TradeAlertBot.Commands.Handlers;

/// <summary><c>admin remove @user</c>: takes an admin added by command away (admins named in settings stay).</summary>
public sealed class AdminRemoveHandler(TradeAlertDbContext db) : ICommandHandler
{
    public CommandSpec Spec { get; } = CommandCatalog.Named("admin remove");

    public async Task<CommandReply> HandleAsync(Command command, CommandContext context, CancellationToken ct)
    {
        var (team, user) = AdminArgument.Parse(context, command);
        var removed = await db.Admins.Where(a => a.Platform == context.Platform && a.TeamId == team && a.UserId == user).ExecuteDeleteAsync(ct);
        return CommandReply.Say(line => line.User(context, user).Text(removed > 0
            ? " can no longer run admin commands (admins named in settings stay admins)."
            : " was not an admin added by command (admins named in settings are changed there)."));
    }
}
