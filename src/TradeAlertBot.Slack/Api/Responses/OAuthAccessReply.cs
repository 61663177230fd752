namespace TradeAlertBot.Slack.Api.Responses;

/// <summary>oauth.v2.access's answer for a bot install (https://api.slack.com/methods/oauth.v2.access).</summary>
internal sealed record OAuthAccessReply(string? AccessToken, string? BotUserId, string? Scope, OAuthAccessReply.Workspace? Team)
{
    public sealed record Workspace(string? Id, string? Name);
}
