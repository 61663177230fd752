using System.Text.Json.Nodes;

namespace TradeAlertBot.Teams.Cards;

/// <summary>
/// A message in an alert's thread (the action's news, a reminder) as a Teams message activity, sent as a reply to the
/// alert's activity (Connector "Reply to Activity", POST /v3/conversations/{conversationId}/activities/{activityId}).
/// </summary>
public static class ThreadCard
{
    private const int MaxText = 3000;

    public static JsonObject Activity(string text) => new()
    {
        ["type"] = "message",
        ["textFormat"] = "markdown",
        ["text"] = TeamsMarkdown.Escape(TeamsMarkdown.Truncate(text.Trim(), MaxText)),
    };
}
