namespace TradeAlertBot.Slack.Api.Responses;

/// <summary>chat.postMessage's answer: where the new message lives (https://api.slack.com/methods/chat.postMessage).</summary>
internal sealed record PostMessageReply(string? Channel, string? Ts);
