using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using TradeAlertBot.Commands;
using TradeAlertBot.Core.Commands;
using TradeAlertBot.Teams.Cards;

namespace TradeAlertBot.TeamsApp;

/// <summary>
/// Turns a <see cref="CommandReply"/> (chat markdown shared with Slack: <c>*bold*</c>, <c>&lt;url|label&gt;</c>,
/// entities for &lt; &gt; &amp;) into a Teams message; buttons become an Adaptive Card with Action.Submit.
/// </summary>
public static partial class TeamsReplies
{
    public static JsonObject ToActivity(CommandReply reply)
    {
        var activity = new JsonObject { ["type"] = "message", ["textFormat"] = "markdown", ["text"] = ToMarkdown(reply.Text) };
        if (reply.Buttons is { Count: > 0 } buttons)
        {
            activity["attachments"] = new JsonArray(new JsonObject
            {
                ["contentType"] = AlertCard.ContentType,
                ["content"] = new JsonObject
                {
                    ["type"] = "AdaptiveCard",
                    ["$schema"] = AlertCard.Schema,
                    ["version"] = AlertCard.Version,
                    ["body"] = new JsonArray(),
                    ["actions"] = new JsonArray([.. buttons.Select(b => (JsonNode)new JsonObject
                    {
                        ["type"] = "Action.Submit",
                        ["title"] = ChatText.Clip(b.Label, 75),
                        ["data"] = new JsonObject { ["action"] = b.ActionId, ["value"] = b.Value },
                    })]),
                },
            });
        }

        return activity;
    }

    /// <summary>Chat markdown to Teams markdown: links and bold; entities decoded (Teams text is markdown, not HTML).</summary>
    public static string ToMarkdown(string text)
    {
        var links = Link().Replace(text, m => $"[{m.Groups["label"].Value.Replace("]", "\\]", StringComparison.Ordinal)}]({m.Groups["url"].Value})");
        var bold = Bold().Replace(links, "**$1**");
        var decoded = bold.Replace("&lt;", "\\<", StringComparison.Ordinal).Replace("&gt;", "\\>", StringComparison.Ordinal).Replace("&amp;", "&", StringComparison.Ordinal);
        return decoded.Replace("\n", "\n\n", StringComparison.Ordinal); // Teams needs blank lines between lines
    }

    [GeneratedRegex(@"<(?<url>https?://[^|>\s]+)\|(?<label>[^>]*)>")]
    private static partial Regex Link();

    [GeneratedRegex(@"(?<![*\w])\*([^*\n]+)\*(?![*\w])")]
    private static partial Regex Bold();
}
