namespace TradeAlertBot.Core.Items;

/// <summary>
/// Strips tracking parameters (utm_*, fbclid, gclid, …) from article links so the same article shared with
/// different campaign tags is recognised as one link, and alerts link to the clean URL.
/// </summary>
public static class LinkCleaner
{
    private static readonly HashSet<string> TrackingNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "igshid", "yclid", "_hsenc", "_hsmi", "cmpid",
        "ocid", "ncid", "ref_src", "smid", "sr_share", "taid",
    };

    /// <summary>Returns the link without tracking parameters; anything that is not an absolute http(s) URL stays as it is.</summary>
    public static string Clean(string link)
    {
        if (!Uri.TryCreate(link, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || string.IsNullOrEmpty(uri.Query))
        {
            return link;
        }

        var kept = uri.Query.TrimStart('?')
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(pair => !IsTracking(pair.Split('=', 2)[0]))
            .ToList();
        var builder = new UriBuilder(uri) { Query = string.Join('&', kept) };
        return builder.Uri.GetComponents(UriComponents.AbsoluteUri, UriFormat.UriEscaped);
    }

    private static bool IsTracking(string name) =>
        name.StartsWith("utm_", StringComparison.OrdinalIgnoreCase) || TrackingNames.Contains(name);
}
