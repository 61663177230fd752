using System.Text.Json.Nodes;
using TradeAlertBot.Slack.Api;

namespace TradeAlertBot.Slack.Blocks;

/// <summary>
/// A message in an alert's thread (the action's news, a reminder) as a threaded chat.postMessage: plain text,
/// escaped, under the alert's <c>ts</c> (https://api.slack.com/methods/chat.postMessage#arg_thread_ts).
/// </summary>
public static class ThreadBlocks
{
    // Slack truncates a message's text past 40,000 characters; a thread line stays far below, but is capped anyway.
    private const int MaxText = 3000;

    public static SlackMessage Reply(string text, string channel, string threadTs)
    {
        var escaped = SlackText.Escaped(text.Trim(), MaxText);
        var blocks = new JsonArray
        {
            new JsonObject { ["type"] = "section", ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = escaped } },
        };
        return new SlackMessage(escaped, blocks, channel, ThreadTs: threadTs);
    }
}
