using System.Text.Json.Nodes;
using TradeAlertBot.Slack.Api;

namespace TradeAlertBot.Slack.Tests.Blocks;

/// <summary>
/// Slack's Block Kit limits for messages (https://api.slack.com/reference/block-kit/blocks), checked independently
/// of the renderer: returns every violation found, so a failing test shows all of them.
/// </summary>
internal static class BlockKitLimits
{
    public static List<string> Violations(SlackMessage message)
    {
        var problems = new List<string>();
        CheckString(problems, "text", message.Text, 1, 3000);
        var blocks = message.Blocks ?? [];
        if (blocks.Count > 50)
        {
            problems.Add($"{blocks.Count} blocks (max 50)");
        }

        for (var i = 0; i < blocks.Count; i++)
        {
            var block = blocks[i]!.AsObject();
            var where = $"blocks[{i}]";
            switch ((string?)block["type"])
            {
                case "header":
                    CheckTextObject(problems, where + ".text", block["text"], 150, plainOnly: true);
                    break;
                case "section":
                    if (block["text"] is null && block["fields"] is null)
                    {
                        problems.Add($"{where}: section without text or fields");
                    }

                    if (block["text"] is { } text)
                    {
                        CheckTextObject(problems, where + ".text", text, 3000);
                    }

                    if (block["fields"] is JsonArray fields)
                    {
                        CheckCount(problems, where + ".fields", fields, 1, 10);
                        for (var f = 0; f < fields.Count; f++)
                        {
                            CheckTextObject(problems, $"{where}.fields[{f}]", fields[f], 2000);
                        }
                    }

                    break;
                case "context":
                    var elements = block["elements"] as JsonArray ?? [];
                    CheckCount(problems, where + ".elements", elements, 1, 10);
                    for (var e = 0; e < elements.Count; e++)
                    {
                        CheckTextObject(problems, $"{where}.elements[{e}]", elements[e], 3000);
                    }

                    break;
                case "actions":
                    var buttons = block["elements"] as JsonArray ?? [];
                    CheckCount(problems, where + ".elements", buttons, 1, 25);
                    for (var b = 0; b < buttons.Count; b++)
                    {
                        CheckButton(problems, $"{where}.elements[{b}]", buttons[b]!.AsObject());
                    }

                    break;
                default:
                    problems.Add($"{where}: unexpected block type {block["type"]}");
                    break;
            }
        }

        return problems;
    }

    private static void CheckButton(List<string> problems, string where, JsonObject button)
    {
        if ((string?)button["type"] != "button")
        {
            problems.Add($"{where}: not a button");
        }

        CheckTextObject(problems, where + ".text", button["text"], 75, plainOnly: true);
        CheckString(problems, where + ".action_id", (string?)button["action_id"], 1, 255);
        if (button["value"] is { } value)
        {
            CheckString(problems, where + ".value", (string?)value, 1, 2000);
        }

        if (button["url"] is { } url)
        {
            CheckString(problems, where + ".url", (string?)url, 1, 3000);
        }
    }

    private static void CheckTextObject(List<string> problems, string where, JsonNode? node, int max, bool plainOnly = false)
    {
        var type = (string?)node?["type"];
        if (type is not ("plain_text" or "mrkdwn") || (plainOnly && type != "plain_text"))
        {
            problems.Add($"{where}: text object of type {type ?? "(none)"}");
            return;
        }

        CheckString(problems, where, (string?)node!["text"], 1, Math.Min(max, 3000));
    }

    private static void CheckCount(List<string> problems, string where, JsonArray array, int min, int max)
    {
        if (array.Count < min || array.Count > max)
        {
            problems.Add($"{where}: {array.Count} items (allowed {min}..{max})");
        }
    }

    private static void CheckString(List<string> problems, string where, string? text, int min, int max)
    {
        if (text is null || text.Length < min || text.Length > max)
        {
            problems.Add($"{where}: length {text?.Length.ToString() ?? "null"} (allowed {min}..{max})");
            return;
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            problems.Add($"{where}: only whitespace");
        }

        for (var i = 0; i < text.Length; i++)
        {
            var paired = char.IsHighSurrogate(text[i])
                ? i + 1 < text.Length && char.IsLowSurrogate(text[++i])
                : !char.IsLowSurrogate(text[i]);
            if (!paired)
            {
                problems.Add($"{where}: lone surrogate at {i}");
                return;
            }
        }
    }
}
