namespace TradeAlertBot.Core.Alerts;

/// <summary>Which article links a message may carry: absolute http(s) with a host, within a platform's length limit.</summary>
public static class AlertLink
{
    /// <summary><paramref name="link"/> normalised, or null (a javascript:, mailto:, relative or over-long link is not linked).</summary>
    public static string? Safe(string? link, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(link)
            || !Uri.TryCreate(link.Trim(), UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || string.IsNullOrEmpty(uri.Host))
        {
            return null;
        }

        return uri.AbsoluteUri.Length <= maxLength ? uri.AbsoluteUri : null;
    }
}
