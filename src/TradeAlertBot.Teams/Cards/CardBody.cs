using System.Globalization;
using System.Text.Json.Nodes;
using TradeAlertBot.Core.Alerts;
using TradeAlertBot.Core.Commands;

namespace TradeAlertBot.Teams.Cards;

/// <summary>
/// The AdaptiveCard object for one budget: elements from https://adaptivecards.io/explorer (TextBlock, FactSet,
/// Action.OpenUrl, Action.Submit). Submit data comes back in <c>activity.value</c>.
/// </summary>
internal static class CardBody
{
    public static JsonObject Render(Alert alert, CardBudget budget)
    {
        var body = new JsonArray
        {
            new JsonObject
            {
                ["type"] = "TextBlock",
                ["text"] = AlertCard.TitleOf(alert, budget.Title),
                ["weight"] = "Bolder",
                ["size"] = "Medium",
                ["wrap"] = true,
            },
        };

        if (TeamsMarkdown.Clean(alert.Summary, budget.Summary) is { Length: > 0 } summary)
        {
            body.Add(Text(summary));
        }

        var reasons = Reasons(alert.Reasons, budget);
        if (reasons.Count > 0)
        {
            body.Add(new JsonObject { ["type"] = "TextBlock", ["text"] = "Why it matched", ["weight"] = "Bolder", ["wrap"] = true, ["spacing"] = "Medium" });
            foreach (var line in reasons)
            {
                body.Add(Text(line, spacing: "None"));
            }
        }

        if (Facts(alert.Facts, budget) is { Count: > 0 } facts)
        {
            body.Add(new JsonObject { ["type"] = "FactSet", ["facts"] = facts });
        }

        if (WatchLineBlock.Block(alert, budget.Value) is { } watch)
        {
            body.Insert(0, watch);
        }

        var context = Text(Context(alert));
        context["isSubtle"] = true;
        context["size"] = "Small";
        body.Add(context);

        return new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = AlertCard.Schema,
            ["version"] = AlertCard.Version,
            ["body"] = body,
            ["actions"] = Actions(alert),
        };
    }

    private static List<string> Reasons(IReadOnlyList<AlertReason> reasons, CardBudget budget)
    {
        var named = reasons.Where(r => TeamsMarkdown.OneLine(r.Rule).Length > 0).ToList();
        var lines = named.Take(budget.Reasons).Select(r =>
        {
            var terms = r.Terms.Select(t => TeamsMarkdown.OneLine(t)).Where(t => t.Length > 0).ToList();
            var shown = terms.Take(budget.Terms).Select(t => TeamsMarkdown.Escape(TeamsMarkdown.Truncate(t, budget.Term))).ToList();
            if (terms.Count > shown.Count)
            {
                shown.Add($"+{(terms.Count - shown.Count).ToString(CultureInfo.InvariantCulture)} more");
            }

            var rule = $"**{TeamsMarkdown.Clean(r.Rule, budget.Rule)}**";
            return shown.Count > 0 ? $"{rule}: {string.Join(", ", shown)}" : rule;
        }).ToList();

        if (named.Count > lines.Count)
        {
            lines.Add($"+{(named.Count - lines.Count).ToString(CultureInfo.InvariantCulture)} more rules");
        }

        return lines;
    }

    private static JsonArray Facts(IReadOnlyList<AlertFact> facts, CardBudget budget)
    {
        var shown = facts
            .Select(f => (Title: TeamsMarkdown.Clean(f.Label, budget.Label), Value: TeamsMarkdown.Clean(f.Value, budget.Value)))
            .Where(f => f.Title.Length > 0 || f.Value.Length > 0)
            .ToList();
        var result = new JsonArray();
        foreach (var (title, value) in shown.Take(budget.Facts))
        {
            result.Add(new JsonObject { ["title"] = title.Length > 0 ? title : "—", ["value"] = value.Length > 0 ? value : "—" });
        }

        if (shown.Count > budget.Facts)
        {
            result.Add(new JsonObject { ["title"] = "…", ["value"] = $"+{(shown.Count - budget.Facts).ToString(CultureInfo.InvariantCulture)} more" });
        }

        return result;
    }

    private static string Context(Alert alert)
    {
        var parts = new List<string>();
        if (TeamsMarkdown.Clean(alert.Source, 200) is { Length: > 0 } source)
        {
            parts.Add(source);
        }

        if (alert.Published is { } published)
        {
            // DATE/TIME render in the reader's time zone; they need RFC 3339 with a Z
            // (https://learn.microsoft.com/adaptive-cards/authoring-cards/text-features).
            var utc = published.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
            parts.Add($"{{{{DATE({utc}, SHORT)}}}} {{{{TIME({utc})}}}}");
        }

        if (alert.OutletCount > 1)
        {
            parts.Add($"Reported by {AlertCard.Outlets(alert.OutletCount)}");
        }

        return parts.Count > 0 ? string.Join(" · ", parts) : "Trade alert";
    }

    private static JsonArray Actions(Alert alert)
    {
        var actions = new JsonArray();
        if (AlertCard.SafeLink(alert.Link) is { } url)
        {
            actions.Add(new JsonObject { ["type"] = "Action.OpenUrl", ["title"] = "Open article", ["url"] = url });
        }

        // Data is not markdown but the rule name the mute handler looks up: sent exactly, so a name too long to send
        // whole gets no button rather than one that mutes nothing.
        if (alert.Reasons.Select(r => r.Rule.Trim()).FirstOrDefault(r => r.Length > 0) is { Length: <= AlertCard.MaxRuleData } rule)
        {
            actions.Add(Submit("Mute rule", new JsonObject { ["action"] = AlertCard.MuteRuleAction, [ChatActions.DataKey(ChatActions.MuteRule)] = rule }));
        }

        actions.Add(Submit("More like this", new JsonObject { ["action"] = AlertCard.MoreLikeThisAction, [ChatActions.DataKey(ChatActions.MoreLikeThis)] = alert.StoryId }));
        return actions;
    }

    private static JsonObject Submit(string title, JsonObject data) => new() { ["type"] = "Action.Submit", ["title"] = title, ["data"] = data };

    private static JsonObject Text(string text, string? spacing = null)
    {
        var block = new JsonObject { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = true };
        if (spacing is not null)
        {
            block["spacing"] = spacing;
        }

        return block;
    }
}
