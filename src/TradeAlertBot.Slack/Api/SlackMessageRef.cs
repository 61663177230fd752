namespace TradeAlertBot.Slack.Api;

/// <summary>Where a posted message lives.</summary>
public sealed record SlackMessageRef(string Channel, string Ts);
