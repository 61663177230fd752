using System.Text.Json.Nodes;
using TradeAlertBot.Core.Alerts;

namespace TradeAlertBot.Slack.Blocks;

/// <summary>
/// The destination's own line at the top of an alert ("Your watch list: 8541.43 solar cells, from CN"), for the
/// single alert (a section above the header, and the notification text) and for a digest's line.
/// </summary>
public static class WatchLineBlock
{
    public const int MaxLine = 500;

    /// <summary>"Your watch list: …" escaped, or null when the alert touches no watch list.</summary>
    public static string? Text(Alert alert) =>
        alert.WatchLine is { } line && SlackText.OneLine(line) is { Length: > 0 } oneLine
            ? $"{Alert.WatchLineHeading}: {SlackText.Escaped(oneLine, MaxLine)}"
            : null;

    /// <summary>The section that goes first in the alert's blocks, or null.</summary>
    public static JsonObject? Block(Alert alert) => Text(alert) is { } text
        ? new JsonObject { ["type"] = "section", ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = $":eyes: *{text}*" } }
        : null;

    /// <summary>The notification text with the line before it, so a phone's banner says why it matters to this channel.</summary>
    public static string Prefixed(Alert alert, string escapedText) => Text(alert) is { } text ? $"{text} — {escapedText}" : escapedText;
}
