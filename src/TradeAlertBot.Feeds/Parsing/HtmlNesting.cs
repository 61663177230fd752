namespace TradeAlertBot.Feeds.Parsing;

/// <summary>
/// Estimates how deep an HTML fragment's tags nest, in one pass and without building anything, so a fragment too
/// deep for the HTML parser is known before it is parsed. It counts open tags minus close tags; void elements,
/// self-closed tags and elements that a new one of their kind closes (a &lt;p&gt; ends the open p, an &lt;li&gt; the open
/// li; outside a table, table rows and cells are ignored), so they never nest deeply in the tree, are not counted.
/// An end tag that closes nothing counted (such as &lt;/p&gt;) does not lower the count, so markup that leaves
/// elements open for the parser to reconstruct is counted high, which is the safe side.
/// </summary>
internal static class HtmlNesting
{
    // https://html.spec.whatwg.org/multipage/syntax.html#void-elements and #optional-tags
    private static readonly HashSet<string> Uncounted = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
        "p", "li", "dt", "dd", "tr", "td", "th", "option", "tbody", "thead", "tfoot",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> UncountedLookup = Uncounted.GetAlternateLookup<ReadOnlySpan<char>>();

    public static bool Exceeds(string html, int maxDepth)
    {
        var depth = 0;
        var i = html.IndexOf('<');
        while (i >= 0 && i + 1 < html.Length)
        {
            var end = html.IndexOf('>', i + 1);
            if (end < 0)
            {
                return false;
            }

            var closing = html[i + 1] == '/';
            var name = TagName(html, closing ? i + 2 : i + 1);
            if (name.Length > 0 && !UncountedLookup.Contains(name))
            {
                if (closing)
                {
                    depth = Math.Max(0, depth - 1);
                }
                else if (html[end - 1] != '/' && ++depth > maxDepth)
                {
                    return true;
                }
            }

            i = html.IndexOf('<', end + 1);
        }

        return false;
    }

    /// <summary>The tag name starting at <paramref name="start"/> (letters, digits, '-', ':'); empty for comments and text.</summary>
    public static ReadOnlySpan<char> TagName(string html, int start)
    {
        if (start >= html.Length || !char.IsAsciiLetter(html[start]))
        {
            return [];
        }

        var end = start + 1;
        while (end < html.Length && (char.IsAsciiLetterOrDigit(html[end]) || html[end] is '-' or ':'))
        {
            end++;
        }

        return html.AsSpan(start, end - start);
    }
}
