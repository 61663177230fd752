using TradeAlertBot.Core.Alerts;
using TradeAlertBot.Core.Commands;

namespace TradeAlertBot.Commands.Shared;

/// <summary>The user named by <c>admin add|remove @user</c>, bound to the caller's workspace or tenant.</summary>
public static class AdminArgument
{
    /// <summary>
    /// Slack: <c>&lt;@U123&gt;</c> (or a bare id). Teams: the inbound activity puts the @mentioned user's AAD object id
    /// in the text.
    /// </summary>
    /// <exception cref="UsageException">Not one user, or the message carries no workspace or tenant.</exception>
    public static (string Team, string User) Parse(CommandContext context, Command command)
    {
        var user = command.Args.Count != 1 ? null
            : context.Platform == DestinationKind.Teams ? (Guid.TryParse(command.Args[0], out var aad) ? aad.ToString() : null)
            : ChatMentions.UserId(command.Args[0]);
        if (user is null)
        {
            throw new UsageException("Mention one user, e.g. `admin add @maria`.");
        }

        return context.TeamId is { Length: > 0 } team
            ? (AdminDirectory.Normalize(context.Platform, team), AdminDirectory.Normalize(context.Platform, user))
            : throw new UsageException("This message carries no workspace or tenant, so no admin can be bound to it.");
    }

    /// <summary>Starts <paramref name="line"/> with the user: a mention in Slack; Teams needs the user's name for one, which the command lacks.</summary>
    public static ReplyLine User(this ReplyLine line, CommandContext context, string user) =>
        context.Platform == DestinationKind.Slack ? line.Mention(user) : line.Text("That user");
}
