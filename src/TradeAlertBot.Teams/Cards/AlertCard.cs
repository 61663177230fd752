using System.Globalization;
using System.Text.Json.Nodes;
using TradeAlertBot.Core.Alerts;
using TradeAlertBot.Core.Commands;
using TradeAlertBot.Teams.Connector;

namespace TradeAlertBot.Teams.Cards;

/// <summary>
/// Renders an <see cref="Alert"/> as an Adaptive Card 1.5, the newest schema Teams renders
/// (https://learn.microsoft.com/microsoft-copilot-studio/guidance/adaptive-cards-overview): title, summary, why it
/// matched, facts, context line, and Open article / Mute rule / More like this actions. All feed text is escaped
/// (<see cref="TeamsMarkdown"/>). The whole activity stays under <see cref="MaxActivityBytes"/>, the ~28 KB Workflows
/// cap (https://learn.microsoft.com/connectors/teams/) that is also well inside the bot's 100 KB message limit: the
/// card is rendered with ever smaller text budgets until it fits.
/// </summary>
public static class AlertCard
{
    public const string ContentType = "application/vnd.microsoft.card.adaptive";
    public const string Schema = "http://adaptivecards.io/schemas/adaptive-card.json";
    public const string Version = "1.5";

    /// <summary>28 KB with room for Workflows' own wrapping of the attachment.</summary>
    public const int MaxActivityBytes = 28 * 1024 - 512;

    public const string MuteRuleAction = ChatActions.MuteRule;
    public const string MoreLikeThisAction = ChatActions.MoreLikeThis;

    /// <summary>Links longer than this get no Open article button rather than eating the size budget.</summary>
    public const int MaxUrlLength = 2048;

    /// <summary>Rule names longer than this get no Mute rule button (the name is sent whole, never cut).</summary>
    public const int MaxRuleData = 500;

    private const string Untitled = "(untitled)";

    // Budgets in UTF-16 units before escaping; each step roughly halves the text. The last one is small enough that even
    // all-backslash, all-astral input (4 bytes of JSON per unit) fits.
    private static readonly CardBudget[] Budgets =
    [
        new(Title: 300, Summary: 3000, Reasons: 10, Rule: 150, Terms: 30, Term: 80, Facts: 20, Label: 80, Value: 400, Fallback: 500),
        new(Title: 200, Summary: 1500, Reasons: 5, Rule: 100, Terms: 15, Term: 60, Facts: 12, Label: 60, Value: 200, Fallback: 300),
        new(Title: 150, Summary: 600, Reasons: 3, Rule: 80, Terms: 8, Term: 40, Facts: 8, Label: 40, Value: 100, Fallback: 200),
        new(Title: 100, Summary: 200, Reasons: 2, Rule: 50, Terms: 4, Term: 30, Facts: 4, Label: 30, Value: 60, Fallback: 100),
    ];

    /// <summary>The card alone (an AdaptiveCard object), e.g. for <see cref="WorkflowsWebhookClient"/>.</summary>
    public static JsonObject Render(Alert alert) => Fit(alert).Card;

    /// <summary>
    /// The message activity carrying the card. The plain-text fallback goes in <c>summary</c> (shown in notifications and
    /// by clients that cannot render the card), not <c>text</c>: Teams splits text + attachment into two messages and the
    /// returned id then no longer updates the card
    /// (https://learn.microsoft.com/microsoftteams/platform/bots/how-to/conversations/conversation-messages).
    /// </summary>
    public static JsonObject Activity(Alert alert) => Fit(alert).Activity;

    /// <summary>The thread reply posted under the original card when the story gains outlets.</summary>
    public static JsonObject OutletUpdate(Alert alert)
    {
        var outlets = $"**{Outlets(alert.OutletCount)}**";
        var source = TeamsMarkdown.Clean(alert.Source, 200);
        return new JsonObject
        {
            ["type"] = "message",
            ["textFormat"] = "markdown",
            ["text"] = source.Length > 0 ? $"Now reported by {outlets} — latest: {source}" : $"Now reported by {outlets}",
        };
    }

    /// <summary>
    /// <paramref name="link"/> if it is an absolute http(s) URL with a host and at most <see cref="MaxUrlLength"/>
    /// characters; otherwise null (a javascript:, mailto: or relative link gets no button).
    /// </summary>
    public static string? SafeLink(string? link) => AlertLink.Safe(link, MaxUrlLength);

    private static (JsonObject Card, JsonObject Activity) Fit(Alert alert)
    {
        (JsonObject Card, JsonObject Activity) rendered = default;
        foreach (var budget in Budgets)
        {
            rendered = Build(alert, budget);
            if (TeamsHttp.Serialize(rendered.Activity).Length <= MaxActivityBytes)
            {
                break;
            }
        }

        return rendered;
    }

    private static (JsonObject Card, JsonObject Activity) Build(Alert alert, CardBudget budget)
    {
        var card = CardBody.Render(alert, budget);
        var title = TeamsMarkdown.OneLine(alert.Title) is { Length: > 0 } t ? t : Untitled;
        var activity = new JsonObject
        {
            ["type"] = "message",
            ["summary"] = TeamsMarkdown.Truncate(
                WatchLineBlock.Text(alert, budget.Fallback / 2) is { } watch ? $"{watch} — New trade alert: {title}" : $"New trade alert: {title}", budget.Fallback),
            ["attachments"] = new JsonArray
            {
                new JsonObject { ["contentType"] = ContentType, ["content"] = card.DeepClone() },
            },
        };
        return (card, activity);
    }

    internal static string TitleOf(Alert alert, int max) => TeamsMarkdown.OneLine(alert.Title) is { Length: > 0 }
        ? TeamsMarkdown.Clean(alert.Title, max)
        : Untitled;

    internal static string Outlets(int count) =>
        count == 1 ? "1 outlet" : $"{count.ToString(CultureInfo.InvariantCulture)} outlets";
}
