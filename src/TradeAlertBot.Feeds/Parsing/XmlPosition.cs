namespace TradeAlertBot.Feeds.Parsing;

/// <summary>Maps the 1-based line and column of an <see cref="System.Xml.XmlException"/> back to a text offset.</summary>
internal static class XmlPosition
{
    /// <summary>Returns the offset, or -1 when the exception carries no position.</summary>
    public static int ToOffset(string text, int line, int column)
    {
        if (line <= 0 || column <= 0)
        {
            return -1;
        }

        // XmlReader counts "\r\n", "\r" and "\n" each as one line break (XML 1.0 section 2.11).
        var offset = 0;
        for (var current = 1; current < line; current++)
        {
            var next = text.AsSpan(offset).IndexOfAny('\r', '\n');
            if (next < 0)
            {
                return text.Length;
            }

            offset += next;
            offset += text[offset] == '\r' && offset + 1 < text.Length && text[offset + 1] == '\n' ? 2 : 1;
        }

        return Math.Min(text.Length, offset + column - 1);
    }
}
