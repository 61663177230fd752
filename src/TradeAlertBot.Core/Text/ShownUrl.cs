namespace TradeAlertBot.Core.Text;

/// <summary>
/// How a URL that may carry a credential is shown outside the admin page (logs, health, chat replies). Feed URLs may
/// hold <c>user:password@</c> or an API key in the query; a Workflows webhook's query is its credential (<c>sig=</c>).
/// </summary>
public static class ShownUrl
{
    /// <summary>Only where it points: <c>https://host/…</c> for an http(s) URL; anything else unchanged.</summary>
    public static string Origin(string address) =>
        Uri.TryCreate(address, UriKind.Absolute, out var url) && url.Scheme is "http" or "https"
            ? $"{url.Scheme}://{url.Host}/…"
            : address;

    /// <summary>
    /// The URL without user-info and fragment, each query value replaced by <c>***</c> (names kept, so a reader sees
    /// which feed it is): <c>https://host/path?apikey=***</c>. A string that is not an absolute URL is returned as is.
    /// </summary>
    public static string Redacted(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.IsFile)
        {
            return url;
        }

        var shown = $"{uri.Scheme}://{uri.Authority}{uri.AbsolutePath}";
        if (uri.Query.Length <= 1)
        {
            return shown;
        }

        var pairs = uri.Query[1..].Split('&').Select(pair => pair.IndexOf('=') is var eq and >= 0 ? pair[..eq] + "=***" : pair);
        return shown + "?" + string.Join("&", pairs);
    }

    /// <inheritdoc cref="Redacted(string)"/>
    public static string Redacted(Uri url) => Redacted(url.OriginalString);
}
