using System.Text;
using TradeAlertBot.Core.Commands;

namespace TradeAlertBot.Teams.Cards;

/// <summary>
/// A reply's blocks in the markdown Teams renders for message text: blocks apart by a blank line (Teams joins lines
/// otherwise), bullets as "• ", text escaped by <see cref="TeamsMarkdown.Escape"/> so feed or user text never
/// becomes markup, strong as <c>**…**</c>, links as <c>[label](url)</c>.
/// </summary>
public static class TeamsReplyMarkup
{
    public static string Render(IEnumerable<ReplyBlock> blocks) => string.Join("\n\n", blocks.Select(Render));

    public static string Render(ReplyBlock block)
    {
        var line = new StringBuilder(block.Kind == ReplyBlockKind.Bullet ? "• " : "");
        foreach (var span in block.Spans)
        {
            line.Append(span switch
            {
                ReplySpan.Text t => Escape(t.Value),
                ReplySpan.Strong s => $"**{Escape(s.Value)}**",
                ReplySpan.Emphasis e => $"_{Escape(e.Value)}_",
                ReplySpan.Code c => $"`{OneLine(c.Value).Replace('`', '\'')}`",
                ReplySpan.Link l => $"[{Escape(l.Label)}]({Url(l.Url)})",
                ReplySpan.UserMention m => Escape(m.UserId),
                _ => throw new ArgumentOutOfRangeException(nameof(block), span, "teams: unknown reply span"),
            });
        }

        return line.ToString();
    }

    // Not TeamsMarkdown.OneLine: a span's own leading and trailing spaces separate it from its neighbours.
    private static string Escape(string text) => TeamsMarkdown.Escape(OneLine(text));

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");

    // A link destination ends at ")" or a space: encode both (the URL is already a safe absolute http(s) one).
    private static string Url(string url) =>
        url.Replace(" ", "%20", StringComparison.Ordinal).Replace("(", "%28", StringComparison.Ordinal).Replace(")", "%29", StringComparison.Ordinal);
}
