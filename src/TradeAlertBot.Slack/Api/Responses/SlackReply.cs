namespace TradeAlertBot.Slack.Api.Responses;

/// <summary>
/// The envelope every Web API answer shares (https://api.slack.com/web#evaluating_responses): <c>ok</c>, and
/// <c>error</c> when it is false. A missing <c>ok</c> means the answer is not Slack's JSON at all.
/// </summary>
internal sealed record SlackReply(bool? Ok, string? Error);
