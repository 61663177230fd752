using System.Security.Claims;
using TradeAlertBot.Admin;
using TradeAlertBot.Commands.Shared;
using TradeAlertBot.Core.Commands;

namespace TradeAlertBot.Audit;

/// <summary>
/// Who did something, as the audit log and rule history name them: <c>slack:TEAM/USER</c>, <c>teams:TENANT/AAD-ID</c>
/// (ids as <see cref="AdminDirectory"/> compares them), <c>web:NAME/SESSION</c>, or <c>cli</c>.
/// </summary>
public sealed record AuditActor(string Id)
{
    /// <summary>The command line: whoever may run it may open the database anyway.</summary>
    public static AuditActor Cli { get; } = new("cli");

    /// <summary>A web visitor not signed in (a refused sign-in).</summary>
    public static AuditActor Anonymous { get; } = new("web:anonymous");

    public static AuditActor Chat(CommandContext context) =>
        new($"{context.Platform}:{AdminDirectory.Normalize(context.Platform, context.TeamId ?? "-")}/{AdminDirectory.Normalize(context.Platform, context.UserId)}");

    /// <summary>
    /// A signed-in admin page session: its name and the first 8 characters of its session id, enough to tell
    /// sessions apart in the log without writing down the id a revocation is keyed on.
    /// </summary>
    public static AuditActor Web(ClaimsPrincipal user)
    {
        var name = user.Identity?.Name ?? "unknown";
        var session = user.FindFirst(AdminSessions.SessionClaim)?.Value;
        return new(session is { Length: >= 8 } ? $"web:{name}/{session[..8]}" : $"web:{name}");
    }

    public override string ToString() => Id;
}
