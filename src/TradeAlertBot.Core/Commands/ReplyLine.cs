namespace TradeAlertBot.Core.Commands;

/// <summary>One paragraph or bullet being built; each method appends a span and returns the line.</summary>
public sealed class ReplyLine(ReplyBlockKind kind)
{
    private readonly List<ReplySpan> _spans = [];

    public int Length { get; private set; }

    public ReplyLine Text(string text) => Add(new ReplySpan.Text(text), text);

    public ReplyLine Strong(string text) => Add(new ReplySpan.Strong(text), text);

    public ReplyLine Emphasis(string text) => Add(new ReplySpan.Emphasis(text), text);

    public ReplyLine Code(string text) => Add(new ReplySpan.Code(text), text);

    public ReplyLine Mention(string userId) => Add(new ReplySpan.UserMention(userId), userId);

    /// <summary>A link to <paramref name="url"/> when it is a safe article link (<see cref="Alerts.AlertLink"/>), else the label alone.</summary>
    public ReplyLine Link(string label, string? url) =>
        Alerts.AlertLink.Safe(url, 3000) is { } safe ? Add(new ReplySpan.Link(label, safe), label) : Text(label);

    /// <summary>
    /// Text where backticks mark code, as in <see cref="UsageException"/> messages and other fixed wording
    /// ("see `feeds`"). Not for user text alone: that goes in <see cref="Text"/> or <see cref="Code"/>.
    /// </summary>
    public ReplyLine Quoted(string text)
    {
        var parts = text.Split('`');
        for (var i = 0; i < parts.Length; i++)
        {
            if (parts[i].Length == 0)
            {
                continue;
            }

            // An odd part sits between two backticks; an unpaired last backtick leaves its part as text.
            _ = i % 2 == 1 && i < parts.Length - 1 ? Code(parts[i]) : Text(i % 2 == 1 ? "`" + parts[i] : parts[i]);
        }

        return this;
    }

    internal ReplyBlock ToBlock() => new(kind, [.. _spans]);

    private ReplyLine Add(ReplySpan span, string text)
    {
        _spans.Add(span);
        Length += text.Length;
        return this;
    }
}
