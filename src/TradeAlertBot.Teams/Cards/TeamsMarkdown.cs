using System.Text;

namespace TradeAlertBot.Teams.Cards;

/// <summary>
/// Escaping and truncation for text shown in Adaptive Card TextBlocks and Facts, which Teams renders as a markdown
/// subset (https://learn.microsoft.com/microsoftteams/platform/task-modules-and-cards/cards/cards-format). Feed text is
/// made one line, stripped of control characters, and every character that could start emphasis, a link, a heading,
/// HTML or a mention (<c>&lt;at&gt;</c>) is backslash-escaped, as CommonMark allows for any ASCII punctuation. Clients
/// differ on escapes (microsoft/AdaptiveCards#4677, #5590; MicrosoftDocs/msteams-docs#5793): a stray backslash on
/// some client is the price of never rendering a feed's markup. Cuts never split a surrogate pair and end with "…".
/// </summary>
public static class TeamsMarkdown
{
    public const string Ellipsis = "…";

    // CommonMark escapable punctuation that matters here: emphasis (* _ ~), links/images ([ ] !), headings (#),
    // HTML/mentions/autolinks (< >), entities (&), code (`), tables (|) and the escape character itself.
    private const string Special = "\\*_~[]!#<>&`|";

    /// <summary>Escapes already one-line text for a TextBlock or Fact.</summary>
    public static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (Special.Contains(c, StringComparison.Ordinal))
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        EscapeListMarker(builder);
        return builder.ToString();
    }

    /// <summary>One line, cut to <paramref name="max"/> characters, escaped: the usual path for feed text.</summary>
    public static string Clean(string? raw, int max) => Escape(Truncate(OneLine(raw), max));

    /// <summary>At most <paramref name="max"/> UTF-16 units including the ellipsis; never half a surrogate pair.</summary>
    public static string Truncate(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        if (max <= Ellipsis.Length)
        {
            return Ellipsis[..Math.Max(max, 0)];
        }

        var cut = max - Ellipsis.Length;
        if (char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        return string.Concat(text.AsSpan(0, cut).TrimEnd(), Ellipsis);
    }

    /// <summary>Collapses whitespace runs (newlines included) to one space, drops other control characters, trims.</summary>
    public static string OneLine(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                space = builder.Length > 0;
                continue;
            }

            if (char.IsControl(c) || c is '\u200B' or '\u2028' or '\u2029' or '\uFEFF')
            {
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    // A line starting "- ", "+ " or "12. "/"12) " becomes a list (# and > are escaped above already).
    private static void EscapeListMarker(StringBuilder builder)
    {
        if (builder.Length == 0)
        {
            return;
        }

        if (builder[0] is '-' or '+')
        {
            builder.Insert(0, '\\');
            return;
        }

        var digits = 0;
        while (digits < builder.Length && char.IsAsciiDigit(builder[digits]))
        {
            digits++;
        }

        if (digits > 0 && digits < builder.Length && builder[digits] is '.' or ')')
        {
            builder.Insert(digits, '\\');
        }
    }
}
