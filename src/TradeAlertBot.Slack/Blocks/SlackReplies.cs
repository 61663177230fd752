using System.Text.Json.Nodes;
using TradeAlertBot.Core.Commands;
using TradeAlertBot.Slack.Api;

namespace TradeAlertBot.Slack.Blocks;

/// <summary>
/// Turns a platform-neutral <see cref="CommandReply"/> into a Slack message: mrkdwn sections of ≤3000 characters
/// (<see cref="SlackReplyMarkup"/>) and a row of buttons; public replies are <c>in_channel</c>, others ephemeral.
/// </summary>
public static class SlackReplies
{
    private const int SectionLimit = 3000;
    private const int MaxSections = 40;

    public static SlackMessage ToMessage(CommandReply reply, string? channel = null, string? threadTs = null)
    {
        var text = SlackReplyMarkup.Render(reply.Blocks);
        var blocks = new JsonArray();
        foreach (var part in Chunks(text).Take(MaxSections))
        {
            blocks.Add(new JsonObject
            {
                ["type"] = "section",
                ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = part },
            });
        }

        if (reply.Buttons is { Count: > 0 } buttons)
        {
            blocks.Add(new JsonObject
            {
                ["type"] = "actions",
                ["elements"] = new JsonArray([.. buttons.Take(25).Select(b => (JsonNode)new JsonObject
                {
                    ["type"] = "button",
                    ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = ChatText.Clip(b.Label, 75) },
                    ["action_id"] = b.ActionId,
                    ["value"] = ChatText.Clip(b.Value, 2000),
                })]),
            });
        }

        return new SlackMessage(
            ChatText.Clip(text, SectionLimit), blocks, channel, threadTs, reply.Public ? "in_channel" : "ephemeral");
    }

    /// <summary>The message as the JSON an HTTP ack or a Socket Mode ack payload carries.</summary>
    public static JsonObject ToJson(SlackMessage message)
    {
        var json = new JsonObject { ["text"] = message.Text };
        if (message.Blocks is not null)
        {
            json["blocks"] = message.Blocks.DeepClone();
        }

        if (message.ResponseType is not null)
        {
            json["response_type"] = message.ResponseType;
        }

        return json;
    }

    // Splits at line ends so a section never cuts a line (or a link) in half.
    private static IEnumerable<string> Chunks(string text)
    {
        var current = new System.Text.StringBuilder();
        foreach (var line in text.Split('\n'))
        {
            var piece = ChatText.Clip(line, SectionLimit);
            if (current.Length > 0 && current.Length + 1 + piece.Length > SectionLimit)
            {
                yield return current.ToString();
                current.Clear();
            }

            current.Append(current.Length > 0 ? "\n" : "").Append(piece);
        }

        yield return current.Length > 0 ? current.ToString() : " ";
    }
}
