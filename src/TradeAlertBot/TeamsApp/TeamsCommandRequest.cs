using TradeAlertBot.Commands;
using TradeAlertBot.Core.Alerts;

namespace TradeAlertBot.TeamsApp;

/// <summary>A command from Teams to answer in its conversation (plain strings, so a Hangfire job can carry it).</summary>
public sealed record TeamsCommandRequest(string ServiceUrl, string ConversationId, string? ReplyToId, string UserId, string? TenantId, string Text)
{
    public CommandContext Context => new(DestinationKind.Teams, DestinationKind.Teams, ConversationId, UserId, TenantId);
}
