namespace TradeAlertBot.Core.Commands;

/// <summary>
/// Inline content of a reply. Text is stored as written (never escaped): each platform's renderer escapes it for
/// its own markup, so user text can never become markup.
/// </summary>
public abstract record ReplySpan
{
    public sealed record Text(string Value) : ReplySpan;

    public sealed record Strong(string Value) : ReplySpan;

    public sealed record Emphasis(string Value) : ReplySpan;

    /// <summary>A command, a name or a query, shown in a monospace font.</summary>
    public sealed record Code(string Value) : ReplySpan;

    /// <summary>A link; <see cref="Url"/> has passed <see cref="Alerts.AlertLink.Safe"/>.</summary>
    public sealed record Link(string Label, string Url) : ReplySpan;

    /// <summary>A platform user, by id (Slack: U…/W…).</summary>
    public sealed record UserMention(string UserId) : ReplySpan;
}
