using System.Text;

namespace TradeAlertBot.Feeds.Parsing;

/// <summary>Removes control characters, collapses whitespace and caps lengths in text taken from a feed.</summary>
internal static class TextCleaner
{
    public const char Ellipsis = '\u2026';

    private static readonly Encoding Windows1252 = CreateWindows1252();

    /// <summary>Collapses every run of whitespace to one space and trims; drops control characters.</summary>
    public static string CollapseWhitespace(string text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var raw in text)
        {
            var c = ReplaceControl(raw);
            if (c is null)
            {
                continue;
            }

            if (char.IsWhiteSpace(c.Value))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c.Value);
        }

        return builder.ToString();
    }

    /// <summary>
    /// What a character becomes in stored text: whitespace controls stay; C1 controls, which in feeds are almost
    /// always windows-1252 bytes mis-decoded as Latin-1 (U+0092 for a right quote), become what windows-1252 meant
    /// (feedparser's "demoronize"); other controls and stray byte order marks are dropped (null).
    /// </summary>
    public static char? ReplaceControl(char c)
    {
        if (c is '\t' or '\n' or '\r')
        {
            return c;
        }

        if (c is >= '\u0080' and <= '\u009F')
        {
            var meant = Windows1252.GetString([(byte)c]);
            return meant.Length == 1 && !char.IsControl(meant[0]) ? meant[0] : null;
        }

        return char.IsControl(c) || c == '\uFEFF' ? null : c;
    }

    /// <summary>Caps text at <paramref name="maxLength"/> characters, ending a cut text with an ellipsis.</summary>
    public static string Cap(string text, int maxLength)
    {
        if (text.Length <= maxLength)
        {
            return text;
        }

        var cut = maxLength - 1;
        if (char.IsLowSurrogate(text[cut]))
        {
            cut--; // never split a surrogate pair
        }

        return string.Concat(text.AsSpan(0, cut).TrimEnd(), Ellipsis.ToString());
    }

    private static Encoding CreateWindows1252()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

        // The five bytes windows-1252 leaves undefined decode to their C1 code points, which ReplaceControl drops.
        return Encoding.GetEncoding(1252, EncoderFallback.ReplacementFallback, new DecoderReplacementFallback("\u0081"));
    }
}
