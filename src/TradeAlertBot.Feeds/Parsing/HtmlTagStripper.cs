using System.Net;
using System.Text;

namespace TradeAlertBot.Feeds.Parsing;

/// <summary>
/// The linear fallback for HTML too deeply nested for the HTML parser: tags are removed (each becomes a space),
/// the content of script, style and other dropped elements goes with them, entities are decoded and whitespace
/// collapsed. Paragraph structure is lost; the words are not.
/// </summary>
internal static class HtmlTagStripper
{
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Dropped = HtmlText.DroppedElements.GetAlternateLookup<ReadOnlySpan<char>>();

    public static string ToPlainText(string html)
    {
        var text = new StringBuilder(html.Length);
        var i = 0;
        while (i < html.Length)
        {
            var open = html.IndexOf('<', i);
            if (open < 0)
            {
                text.Append(html, i, html.Length - i);
                break;
            }

            text.Append(html, i, open - i).Append(' ');
            var end = html.IndexOf('>', open + 1);
            if (end < 0)
            {
                break; // an unfinished tag at the end carries no text
            }

            i = end + 1;
            var name = HtmlNesting.TagName(html, open + 1);
            if (name.Length > 0 && html[end - 1] != '/' && Dropped.Contains(name))
            {
                // Skip to the element's end tag; without one, the rest is its content. Either way i only moves forward.
                var close = html.IndexOf($"</{name}", i, StringComparison.OrdinalIgnoreCase);
                var closeEnd = close < 0 ? -1 : html.IndexOf('>', close);
                i = closeEnd < 0 ? html.Length : closeEnd + 1;
            }
        }

        return TextCleaner.CollapseWhitespace(WebUtility.HtmlDecode(text.ToString()));
    }
}
