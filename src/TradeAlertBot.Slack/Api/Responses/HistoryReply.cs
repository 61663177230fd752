namespace TradeAlertBot.Slack.Api.Responses;

/// <summary>
/// A conversations.history page with metadata (https://api.slack.com/methods/conversations.history): the messages,
/// newest first, and the cursor of the next page when there is one.
/// </summary>
internal sealed record HistoryReply(IReadOnlyList<HistoryMessage>? Messages, HistoryReply.Page? ResponseMetadata)
{
    public string? NextCursor => ResponseMetadata?.NextCursor;

    public sealed record Page(string? NextCursor);
}
