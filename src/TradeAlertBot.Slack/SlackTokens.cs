using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TradeAlertBot.Core.Alerts;
using TradeAlertBot.Storage;
using TradeAlertBot.Storage.Entities;

namespace TradeAlertBot.Slack;

/// <summary>
/// The bot token for a workspace: <c>Slack:BotToken</c> in single-workspace mode, else the OAuth install's token,
/// stored encrypted with Data Protection. A workspace whose token Slack refused is marked broken until reinstalled.
/// </summary>
public sealed class SlackTokens(TradeAlertDbContext db, IOptions<SlackOptions> options, IDataProtectionProvider protection)
{
    private readonly IDataProtector _protector = protection.CreateProtector("TradeAlertBot.Slack.BotToken");

    /// <exception cref="AlertDeliveryException">No usable token (not installed, or broken): alerts wait.</exception>
    public async Task<string> GetAsync(string? teamId, CancellationToken ct)
    {
        if (!string.IsNullOrEmpty(options.Value.BotToken))
        {
            return options.Value.BotToken;
        }

        var workspace = teamId is null ? null : await db.SlackWorkspaces.AsNoTracking().FirstOrDefaultAsync(w => w.TeamId == teamId, ct);
        if (workspace is null)
        {
            throw new AlertDeliveryException(DeliveryFailure.AccountBroken, $"slack: workspace {teamId} is not installed (no Slack:BotToken either)");
        }

        if (workspace.BrokenReason is { } reason)
        {
            throw new AlertDeliveryException(DeliveryFailure.AccountBroken, $"slack: workspace {teamId} needs reinstalling: {reason}");
        }

        return _protector.Unprotect(workspace.ProtectedBotToken);
    }

    /// <summary>Stores (or replaces) an OAuth install's token, encrypted; a reinstall clears the broken mark.</summary>
    public async Task SaveInstallAsync(string teamId, string? name, string botToken, string? botUserId, DateTimeOffset now, CancellationToken ct)
    {
        var workspace = await db.SlackWorkspaces.FirstOrDefaultAsync(w => w.TeamId == teamId, ct);
        if (workspace is null)
        {
            workspace = new SlackWorkspace { TeamId = teamId, ProtectedBotToken = "" };
            db.SlackWorkspaces.Add(workspace);
        }

        (workspace.Name, workspace.ProtectedBotToken, workspace.BotUserId, workspace.InstalledAt, workspace.BrokenReason) =
            (name, _protector.Protect(botToken), botUserId, now, null);
        await db.SaveChangesAsync(ct);
    }

    public Task MarkBrokenAsync(string? teamId, string reason, CancellationToken ct) =>
        db.SlackWorkspaces.Where(w => w.TeamId == teamId).ExecuteUpdateAsync(s => s.SetProperty(w => w.BrokenReason, reason), ct);
}
