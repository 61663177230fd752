namespace TradeAlertBot.Commands;

/// <summary>Escaping for text put into chat markdown: only &amp;, &lt; and &gt; (so "&lt;!channel&gt;" in a title pings nobody).</summary>
public static class ChatText
{
    public static string Escape(string? text) =>
        (text ?? "").Replace("&", "&amp;", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal);

    /// <summary>Cuts <paramref name="text"/> to <paramref name="max"/> characters with an ellipsis, never inside a surrogate pair.</summary>
    public static string Clip(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        var cut = max - 1;
        if (cut > 0 && char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        return text[..cut] + "…";
    }
}
