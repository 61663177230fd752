namespace TradeAlertBot.Slack.Api.Responses;

/// <summary>apps.connections.open's answer: a one-use Socket Mode WebSocket URL (https://api.slack.com/methods/apps.connections.open).</summary>
internal sealed record ConnectionsOpenReply(string? Url);
