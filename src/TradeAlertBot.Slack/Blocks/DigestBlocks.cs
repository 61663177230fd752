using System.Text;
using System.Text.Json.Nodes;
using TradeAlertBot.Core.Alerts;
using TradeAlertBot.Core.Commands;
using TradeAlertBot.Slack.Api;

namespace TradeAlertBot.Slack.Blocks;

/// <summary>Several held alerts as one message: a header and one line per alert (linked title, why, source).</summary>
public static class DigestBlocks
{
    // Header, the lines, and a context block leave room under the 50-block limit.
    private const int MaxLines = 45;

    public static SlackMessage Render(IReadOnlyList<Alert> alerts, string channel)
    {
        var blocks = new JsonArray
        {
            new JsonObject
            {
                ["type"] = "header",
                ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = $"Trade alert digest: {alerts.Count} new", ["emoji"] = false },
            },
        };
        foreach (var alert in alerts.Take(MaxLines))
        {
            blocks.Add(new JsonObject
            {
                ["type"] = "section",
                ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = Line(alert) },
            });
        }

        if (alerts.Count > MaxLines)
        {
            blocks.Add(new JsonObject
            {
                ["type"] = "context",
                ["elements"] = new JsonArray(new JsonObject { ["type"] = "mrkdwn", ["text"] = $"…and {alerts.Count - MaxLines} more: `/trade latest`" }),
            });
        }

        var fallback = new StringBuilder($"Trade alert digest: {alerts.Count} new");
        foreach (var alert in alerts.Take(10))
        {
            fallback.Append("\n• ").Append(SlackText.Escaped(SlackText.OneLine(alert.Title), 200));
        }

        return new SlackMessage(SlackText.TruncateEscaped(fallback.ToString(), AlertBlocks.MaxText), blocks, channel);
    }

    private static string Line(Alert alert)
    {
        var title = SlackText.Escaped(SlackText.OneLine(alert.Title), 300);
        var head = $"*{ChatText.Link(alert.Link, title, AlertBlocks.MaxButtonUrl)}*";
        var why = string.Join(", ", alert.Reasons.Select(r => r.Rule));
        var watch = WatchLineBlock.Text(alert) is { } line ? $"\n:eyes: {line}" : "";
        return SlackText.TruncateEscaped($"{head}\n{SlackText.Escaped(why, 200)} · {SlackText.Escaped(alert.Source, 200)}{watch}", AlertBlocks.MaxText);
    }
}
