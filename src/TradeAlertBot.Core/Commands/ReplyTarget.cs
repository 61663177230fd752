namespace TradeAlertBot.Core.Commands;

/// <summary>
/// Where a command's answer goes, in the platform's own terms (plain strings, so a background job can carry it).
/// Slack: <paramref name="Url"/> is the request's response_url, or else the answer is posted to channel
/// <paramref name="Conversation"/> in thread <paramref name="MessageId"/>. Teams: <paramref name="Url"/> is the
/// service URL, <paramref name="Conversation"/> the conversation and <paramref name="MessageId"/> the activity answered.
/// </summary>
public sealed record ReplyTarget(string? Url, string? Conversation = null, string? MessageId = null);
