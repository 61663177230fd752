using System.Globalization;
using System.Text.Json.Nodes;
using TradeAlertBot.Core.Alerts;
using TradeAlertBot.Core.Commands;
using TradeAlertBot.Slack.Api;

namespace TradeAlertBot.Slack.Blocks;

/// <summary>
/// Renders an <see cref="Alert"/> as a Block Kit message within Slack's limits
/// (https://api.slack.com/reference/block-kit/blocks): header, summary, why, facts, context, actions. All feed text is
/// escaped, so nothing in it can mention, link or break out of the layout. Re-rendering with a higher
/// <see cref="Alert.OutletCount"/> gives the chat.update payload for the original message.
/// </summary>
public static class AlertBlocks
{
    public const int MaxBlocks = 50;
    public const int MaxHeaderText = 150;
    public const int MaxText = 3000;
    public const int MaxFields = 10;
    public const int MaxFieldText = 2000;
    public const int MaxButtonText = 75;
    public const int MaxButtonValue = 2000;
    public const int MaxButtonUrl = 3000;

    public const string OpenArticleAction = ChatActions.OpenArticle;
    public const string MuteRuleAction = ChatActions.MuteRule;
    public const string MoreLikeThisAction = ChatActions.MoreLikeThis;

    private const string Untitled = "(untitled)";

    /// <summary>The alert as a message for <paramref name="channel"/> (null for a response_url reply).</summary>
    public static SlackMessage Render(Alert alert, string? channel = null)
    {
        var title = TitleOf(alert);
        var blocks = new JsonArray
        {
            new JsonObject { ["type"] = "header", ["text"] = PlainText(SlackText.Escaped(title, MaxHeaderText)) },
        };

        if (!string.IsNullOrWhiteSpace(alert.Summary))
        {
            blocks.Add(Section(SlackText.Escaped(alert.Summary.Trim(), MaxText)));
        }

        if (Why(alert.Reasons) is { } why)
        {
            blocks.Add(Section(why));
        }

        if (Fields(alert.Facts) is { Count: > 0 } fields)
        {
            blocks.Add(new JsonObject { ["type"] = "section", ["fields"] = fields });
        }

        blocks.Add(new JsonObject { ["type"] = "context", ["elements"] = new JsonArray { Mrkdwn(ContextLine(alert)) } });
        blocks.Add(Actions(alert));
        if (WatchLineBlock.Block(alert) is { } watch)
        {
            blocks.Insert(0, watch);
        }

        var text = WatchLineBlock.Prefixed(alert, SlackText.Escaped($"New trade alert: {title}", MaxText));
        return new SlackMessage(SlackText.TruncateEscaped(text, MaxText), blocks, channel);
    }

    /// <summary>The thread reply posted under the original when the story gains outlets.</summary>
    public static SlackMessage OutletUpdate(Alert alert, string channel, string threadTs)
    {
        var outlets = Outlets(alert.OutletCount);
        var source = SlackText.OneLine(alert.Source);
        var line = source.Length > 0
            ? $"Now reported by *{outlets}* — latest: {SlackText.Escaped(source, 1000)}"
            : $"Now reported by *{outlets}*";
        var blocks = new JsonArray { Section(line) };
        if (SafeLink(alert.Link) is { } url)
        {
            blocks.Add(new JsonObject
            {
                ["type"] = "actions",
                ["elements"] = new JsonArray { Button("Open article", OpenArticleAction, value: null, url) },
            });
        }

        var text = SlackText.Escaped($"Now reported by {outlets}: {TitleOf(alert)}", MaxText);
        return new SlackMessage(text, blocks, channel, ThreadTs: threadTs);
    }

    /// <summary>
    /// <paramref name="link"/> as a button URL if it is an absolute http(s) URL within Slack's 3,000 characters;
    /// otherwise null (a javascript: or relative link gets no button).
    /// </summary>
public static string? SafeLink(string? link) => AlertLink.Safe(link, MaxButtonUrl);

    private static string TitleOf(Alert alert) => SlackText.OneLine(alert.Title) is { Length: > 0 } title ? title : Untitled;

    private static string? Why(IReadOnlyList<AlertReason> reasons)
    {
        var lines = reasons
            .Where(r => !string.IsNullOrWhiteSpace(r.Rule))
            .Select(r =>
            {
                var rule = $"• *{SlackText.Escaped(SlackText.OneLine(r.Rule), 200)}*";
                var terms = r.Terms.Select(SlackText.OneLine).Where(t => t.Length > 0).Select(SlackText.Escape).ToList();
                return terms.Count > 0 ? $"{rule}: {string.Join(", ", terms)}" : rule;
            })
            .ToList();
        return lines.Count == 0 ? null : SlackText.TruncateEscaped("*Why*\n" + string.Join("\n", lines), MaxText);
    }

    private static JsonArray Fields(IReadOnlyList<AlertFact> facts)
    {
        var texts = facts.Select(FieldText).OfType<string>().ToList();
        var fields = new JsonArray();
        var shown = texts.Count <= MaxFields ? texts.Count : MaxFields - 1;
        foreach (var text in texts.Take(shown))
        {
            fields.Add(Mrkdwn(text));
        }

        if (shown < texts.Count)
        {
            fields.Add(Mrkdwn($"_+{texts.Count - shown} more_"));
        }

        return fields;
    }

    private static string? FieldText(AlertFact fact)
    {
        var label = SlackText.Escaped(SlackText.OneLine(fact.Label), 200);
        var value = fact.Value.Trim();
        if (label.Length == 0)
        {
            return value.Length == 0 ? null : SlackText.Escaped(value, MaxFieldText);
        }

        var heading = $"*{label}*";
        return value.Length == 0 ? heading : $"{heading}\n{SlackText.Escaped(value, MaxFieldText - heading.Length - 1)}";
    }

    private static string ContextLine(Alert alert)
    {
        var parts = new List<string>();
        if (SlackText.OneLine(alert.Source) is { Length: > 0 } source)
        {
            parts.Add(SlackText.Escaped(source, 1000));
        }

        if (alert.Published is { } published)
        {
            // Shown in each reader's time zone; the fallback is for clients that cannot
            // (https://api.slack.com/reference/surfaces/formatting#date-formatting).
            var utc = published.ToUniversalTime();
            var fallback = utc.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
            parts.Add($"<!date^{utc.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)}^{{date_short_pretty}} {{time}}|{fallback}>");
        }

        if (alert.OutletCount > 1)
        {
            parts.Add($"Reported by {Outlets(alert.OutletCount)}");
        }

        return parts.Count > 0 ? string.Join(" · ", parts) : "Trade alert";
    }

    private static JsonObject Actions(Alert alert)
    {
        var buttons = new JsonArray();
        if (SafeLink(alert.Link) is { } url)
        {
            buttons.Add(Button("Open article", OpenArticleAction, value: null, url));
        }

        if (alert.Reasons.FirstOrDefault(r => !string.IsNullOrWhiteSpace(r.Rule)) is { } reason)
        {
            buttons.Add(Button("Mute rule", MuteRuleAction, SlackText.Truncate(reason.Rule, MaxButtonValue), url: null));
        }

        buttons.Add(Button("More like this", MoreLikeThisAction, alert.StoryId.ToString(CultureInfo.InvariantCulture), url: null));
        return new JsonObject { ["type"] = "actions", ["elements"] = buttons };
    }

    private static JsonObject Button(string text, string actionId, string? value, string? url)
    {
        var button = new JsonObject
        {
            ["type"] = "button",
            ["text"] = PlainText(SlackText.Escaped(text, MaxButtonText)),
            ["action_id"] = actionId,
        };
        if (value is not null)
        {
            button["value"] = value;
        }

        if (url is not null)
        {
            button["url"] = url;
        }

        return button;
    }

    private static string Outlets(int count) => count == 1 ? "1 outlet" : $"{count.ToString(CultureInfo.InvariantCulture)} outlets";

    private static JsonObject Section(string mrkdwn) => new() { ["type"] = "section", ["text"] = Mrkdwn(mrkdwn) };

    private static JsonObject Mrkdwn(string text) => new() { ["type"] = "mrkdwn", ["text"] = text };

    private static JsonObject PlainText(string text) => new() { ["type"] = "plain_text", ["text"] = text, ["emoji"] = true };
}
