namespace TradeAlertBot.Admin.Overview;

/// <summary>Links taken from feeds are shown as links only when they are http(s): a <c>javascript:</c> link stays text.</summary>
public static class WebLink
{
    public static string? Href(string? link) =>
        Uri.TryCreate(link, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? uri.AbsoluteUri
            : null;
}
