using System.Text;
using TradeAlertBot.Core.Commands;

namespace TradeAlertBot.Slack.Blocks;

/// <summary>
/// Escaping and truncation for Block Kit text. Slack treats only &amp;, &lt; and &gt; as control characters
/// (https://api.slack.com/reference/surfaces/formatting#escaping), so escaping those three is what stops a feed title
/// like <c>&lt;!channel&gt;</c> from pinging anyone. Lengths are UTF-16 code units, which never undercounts Slack's
/// character limits; cuts never split a surrogate pair or an entity, and end with "…".
/// </summary>
public static class SlackText
{
    public const string Ellipsis = "…";

    public static string Escape(string text) => ChatText.Escape(text);

    /// <summary>Escapes <paramref name="raw"/>, then shortens it to at most <paramref name="max"/> characters.</summary>
    public static string Escaped(string raw, int max) => TruncateEscaped(Escape(raw), max);

    /// <summary>Shortens unescaped text (a button value, a plain label) to at most <paramref name="max"/> characters.</summary>
    public static string Truncate(string text, int max) => Cut(text, max, escaped: false);

    /// <summary>Shortens already-escaped text without leaving half an entity such as "&amp;am".</summary>
    public static string TruncateEscaped(string escaped, int max) => Cut(escaped, max, escaped: true);

    /// <summary>Collapses runs of whitespace (newlines included) to single spaces and trims: for one-line fields.</summary>
    public static string OneLine(string text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    private static string Cut(string text, int max, bool escaped)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        if (text.Length <= max)
        {
            return text;
        }

        var cut = max - Ellipsis.Length;
        if (cut > 0 && char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        if (escaped && cut > 0)
        {
            // The longest entity is "&amp;" (5 chars): an '&' among the last 4 kept chars without its ';' is cut short.
            var amp = text.LastIndexOf('&', cut - 1, Math.Min(cut, 4));
            if (amp >= 0 && text.IndexOf(';', amp, cut - amp) < 0)
            {
                cut = amp;
            }
        }

        return text[..cut].TrimEnd() + Ellipsis;
    }
}
