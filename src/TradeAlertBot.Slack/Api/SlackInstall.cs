namespace TradeAlertBot.Slack.Api;

/// <summary>What oauth.v2.access returns for a bot install.</summary>
public sealed record SlackInstall(string TeamId, string TeamName, string BotToken, string BotUserId, string Scope);
