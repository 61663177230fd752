using System.Text.Json.Nodes;
using TradeAlertBot.Core.Alerts;

namespace TradeAlertBot.Teams.Cards;

/// <summary>
/// The destination's own line at the top of an alert card ("Your watch list: 8541.43 solar cells, from CN"), and in a
/// digest's line.
/// </summary>
internal static class WatchLineBlock
{
    /// <summary>"Your watch list: …" cleaned for markdown, at most <paramref name="max"/> units of the line; null when none.</summary>
    // Escaped after the heading is put before it: at the start of a text "8541." would read as a list marker and be escaped.
    public static string? Text(Alert alert, int max) =>
        TeamsMarkdown.OneLine(alert.WatchLine) is { Length: > 0 } line
            ? TeamsMarkdown.Escape($"{Alert.WatchLineHeading}: {TeamsMarkdown.Truncate(line, max)}")
            : null;

    /// <summary>The TextBlock that goes first in the card's body, or null.</summary>
    public static JsonObject? Block(Alert alert, int max) => Text(alert, max) is { } text
        ? new JsonObject { ["type"] = "TextBlock", ["text"] = $"**{text}**", ["color"] = "Accent", ["wrap"] = true }
        : null;
}
