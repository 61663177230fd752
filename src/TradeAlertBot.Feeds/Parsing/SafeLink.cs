using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace TradeAlertBot.Feeds.Parsing;

/// <summary>
/// Keeps a link only if it is an absolute http or https URL once resolved, so javascript:, data:, vbscript: and
/// file: links never reach a chat message or a web page.
/// </summary>
internal static partial class SafeLink
{
    public const int MaxLength = 4096;

    private static readonly char[] C0ControlOrSpace = [.. Enumerable.Range(0, 0x21).Select(i => (char)i)];

    public static string? Resolve(string? raw, Uri? baseUri)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        // Browsers strip tabs and newlines anywhere in a URL and controls and spaces at its ends
        // (https://url.spec.whatwg.org/#concept-basic-url-parser), so "jav&#x09;ascript:" is javascript: to them.
        var text = AsciiTabOrNewline().Replace(raw, "").Trim(C0ControlOrSpace).Trim();
        if (text.Length is 0 or > MaxLength)
        {
            return null;
        }

        Uri? uri;
        if (Scheme().IsMatch(text))
        {
            Uri.TryCreate(text, UriKind.Absolute, out uri);
        }
        else
        {
            // No scheme: a relative reference (on Unix "/path" would otherwise parse as a file: URI).
            uri = baseUri is not null && Uri.TryCreate(baseUri, text, out var resolved) ? resolved : null;
        }

        return uri is { Scheme: "http" or "https" } && uri.Host.Length > 0 ? uri.AbsoluteUri : null;
    }

    /// <summary>The base URI in force at <paramref name="element"/>: its xml:base chain over the document's URL.</summary>
    public static Uri? BaseFor(XElement element, Uri? documentUrl)
    {
        var current = documentUrl is { Scheme: "http" or "https" } ? documentUrl : null;
        foreach (var ancestor in element.AncestorsAndSelf().Reverse())
        {
            var value = ancestor.Attribute(XNamespace.Xml + "base")?.Value.Trim();
            if (string.IsNullOrEmpty(value))
            {
                continue;
            }

            if (Scheme().IsMatch(value))
            {
                current = Uri.TryCreate(value, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https"
                    ? absolute
                    : null;
            }
            else if (current is not null && Uri.TryCreate(current, value, out var relative))
            {
                current = relative;
            }
        }

        return current;
    }

    [GeneratedRegex("[\t\n\r]")]
    private static partial Regex AsciiTabOrNewline();

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9+.-]*:")]
    private static partial Regex Scheme();
}
