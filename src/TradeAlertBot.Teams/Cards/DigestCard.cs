using System.Text.Json.Nodes;
using TradeAlertBot.Core.Alerts;

namespace TradeAlertBot.Teams.Cards;

/// <summary>
/// A digest as one markdown message (not an Adaptive Card, unlike single alerts): per alert a linked title and the
/// rules it matched; past <see cref="MaxListed"/> the rest are only counted.
/// </summary>
public static class DigestCard
{
    /// <summary>Alerts listed by name; the rest are counted (the <c>latest</c> command shows them).</summary>
    public const int MaxListed = 40;

    public static JsonObject Activity(IReadOnlyList<Alert> alerts)
    {
        var lines = alerts.Take(MaxListed).Select(a =>
        {
            var title = TeamsMarkdown.Clean(a.Title, 200);
            var head = AlertCard.SafeLink(a.Link) is { } link ? $"[{title}]({link})" : title;
            var watch = WatchLineBlock.Text(a, 200) is { } line ? $" — {line}" : "";
            return $"- {head} — {TeamsMarkdown.Clean(string.Join(", ", a.Reasons.Select(r => r.Rule)), 200)}{watch}";
        });
        var more = alerts.Count > MaxListed ? $"\n\n…and {alerts.Count - MaxListed} more (`latest`)." : "";
        return new JsonObject
        {
            ["type"] = "message",
            ["textFormat"] = "markdown",
            ["text"] = $"**Trade alert digest: {alerts.Count} new**\n\n{string.Join("\n\n", lines)}{more}",
        };
    }
}
