using TradeAlertBot.Core.Alerts;

namespace TradeAlertBot.Core.Commands;

/// <summary>
/// Slack's mrkdwn escaping of only &amp;, &lt; and &gt; (so "&lt;!channel&gt;" in a title pings nobody), clipping, and
/// &lt;url|label&gt; links; used by the Slack renderers of alerts and replies.
/// </summary>
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

    /// <summary>
    /// <c>&lt;url|label&gt;</c> for a safe article link (see <see cref="AlertLink"/>), else the label alone.
    /// <paramref name="escapedLabel"/> is already escaped; the URL must not carry "|", "&lt;" or "&gt;".
    /// </summary>
    public static string Link(string? link, string escapedLabel, int maxUrlLength = 3000) =>
        AlertLink.Safe(link, maxUrlLength) is { } url
            ? $"<{url.Replace("|", "%7C", StringComparison.Ordinal).Replace("<", "%3C", StringComparison.Ordinal).Replace(">", "%3E", StringComparison.Ordinal)}|{escapedLabel}>"
            : escapedLabel;
}
