using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using TradeAlertBot.Feeds.Fetching;

namespace TradeAlertBot.Feeds.Parsing;

/// <summary>
/// Converts feed HTML to plain text with an HTML5 parser (AngleSharp), so the result is what a browser would show
/// as text: scripts, styles and embedded objects are dropped with their content, entities are decoded, whitespace
/// is collapsed, and block elements become paragraph breaks. No markup survives, so nothing is left to execute.
/// One instance per document; it is not thread-safe.
/// Hostile markup is bounded before the parser sees it: a fragment is cut to <see cref="FeedsOptions.MaxHtmlLength"/>
/// characters, and one nested deeper than <see cref="FeedsOptions.MaxHtmlDepth"/> is reduced to text by
/// <see cref="HtmlTagStripper"/> in one linear pass (AngleSharp took 208 s on 200,000 nested divs).
/// </summary>
internal sealed class HtmlText(int maxLength, int maxDepth)
{
    public HtmlText()
        : this(new FeedsOptions())
    {
    }

    public HtmlText(FeedsOptions options)
        : this(options.MaxHtmlLength, options.MaxHtmlDepth)
    {
    }

    public static readonly HashSet<string> DroppedElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "template", "iframe", "frame", "frameset", "object", "embed", "applet",
        "svg", "math", "head", "title", "select", "textarea", "button", "canvas", "audio", "video", "map",
    };

    private static readonly HashSet<string> BlockElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "address", "article", "aside", "blockquote", "dd", "div", "dl", "dt", "fieldset", "figcaption", "figure",
        "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre",
        "section", "table", "tr", "ul", "caption",
    };

    private readonly HtmlParser _parser = new(new HtmlParserOptions { IsScripting = false });

    /// <summary>Plain text of <paramref name="html"/>; text without markup or entities only has whitespace collapsed.</summary>
    public string ToPlainText(string html)
    {
        if (html.AsSpan().IndexOfAny('<', '&') < 0)
        {
            return TextCleaner.CollapseWhitespace(html);
        }

        if (html.Length > maxLength)
        {
            html = html[..(char.IsHighSurrogate(html[maxLength - 1]) ? maxLength - 1 : maxLength)];
        }

        if (HtmlNesting.Exceeds(html, maxDepth))
        {
            return HtmlTagStripper.ToPlainText(html);
        }

        var document = _parser.ParseDocument(html);
        var writer = new PlainTextBuilder();
        if (document.Body is { } body)
        {
            Walk(body, writer);
        }

        return writer.ToString();
    }

    private static void Walk(INode root, PlainTextBuilder writer)
    {
        // Iterative, so a hostile document nested a hundred thousand deep cannot overflow the stack.
        var stack = new Stack<(INode Node, bool Leaving)>();
        stack.Push((root, false));
        while (stack.Count > 0)
        {
            var (node, leaving) = stack.Pop();
            if (node is IText text)
            {
                writer.Write(text.Data);
                continue;
            }

            if (node is not IElement element || DroppedElements.Contains(element.LocalName))
            {
                continue;
            }

            var name = element.LocalName;
            if (name is "br")
            {
                writer.LineBreak();
                continue;
            }

            if (name is "td" or "th" or "img")
            {
                writer.Space();
            }

            if (BlockElements.Contains(name))
            {
                writer.ParagraphBreak();
            }

            if (leaving)
            {
                continue;
            }

            stack.Push((node, true));
            for (var child = node.LastChild; child is not null; child = child.PreviousSibling)
            {
                stack.Push((child, false));
            }
        }
    }

    private sealed class PlainTextBuilder
    {
        private readonly StringBuilder _text = new();
        private int _pendingBreaks;
        private bool _pendingSpace;

        public void Space() => _pendingSpace = true;

        public void LineBreak() => _pendingBreaks = Math.Max(_pendingBreaks, 1);

        public void ParagraphBreak() => _pendingBreaks = 2;

        public void Write(string data)
        {
            foreach (var raw in data)
            {
                if (TextCleaner.ReplaceControl(raw) is not { } c)
                {
                    continue;
                }

                if (char.IsWhiteSpace(c))
                {
                    _pendingSpace = true;
                    continue;
                }

                if (_text.Length > 0)
                {
                    if (_pendingBreaks > 0)
                    {
                        _text.Append('\n', _pendingBreaks);
                    }
                    else if (_pendingSpace)
                    {
                        _text.Append(' ');
                    }
                }

                _pendingBreaks = 0;
                _pendingSpace = false;
                _text.Append(c);
            }
        }

        public override string ToString() => _text.ToString();
    }
}
