using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TradeAlertBot.Core.Alerts;
using TradeAlertBot.Slack;
using TradeAlertBot.Storage;
using TradeAlertBot.Teams;

namespace TradeAlertBot.Commands.Shared;

/// <summary>
/// Who may run admin commands. An admin is a user id bound to where it is valid — the Slack workspace (team id) or the
/// Teams tenant — because ids from another workspace or tenant say nothing about this one. Settings name them
/// (<c>Slack:Admins</c>, <c>Teams:Admins</c>) as <c>TEAM:USER</c>, or as a bare <c>USER</c> that counts in the configured workspaces
/// or tenants only; <c>admin add</c> stores the pair. A caller without a workspace or tenant is never one.
/// </summary>
public sealed class AdminDirectory(IOptions<SlackOptions> slack, IOptions<TeamsOptions> teams)
{
    public async Task<bool> IsAdminAsync(TradeAlertDbContext db, string platform, string? teamId, string userId, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(teamId) || userId.Length == 0)
        {
            return false;
        }

        var (team, user) = (Normalize(platform, teamId), Normalize(platform, userId));
        return InSettings(platform, team, user)
            || await db.Admins.AnyAsync(a => a.Platform == platform && a.TeamId == team && a.UserId == user, ct);
    }

    /// <summary>True when the settings name <paramref name="userId"/> as an admin in <paramref name="teamId"/>.</summary>
    public bool InSettings(string platform, string teamId, string userId)
    {
        var (team, user) = (Normalize(platform, teamId), Normalize(platform, userId));
        var (admins, defaultScopes) = platform == DestinationKind.Slack
            ? (slack.Value.Admins, (IReadOnlyList<string>)slack.Value.AllowedTeams)
            : (teams.Value.Admins, teams.Value.AdminTenants);
        foreach (var entry in admins)
        {
            var colon = entry.IndexOf(':');
            var scopes = colon > 0 ? [entry[..colon]] : defaultScopes;
            if (Normalize(platform, colon > 0 ? entry[(colon + 1)..] : entry) == user && scopes.Any(s => Normalize(platform, s) == team))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Ids as compared and stored: Teams' tenant and AAD object ids are GUIDs (any case); Slack's are exact.</summary>
    public static string Normalize(string platform, string id) => platform == DestinationKind.Teams ? id.Trim().ToLowerInvariant() : id.Trim();
}
