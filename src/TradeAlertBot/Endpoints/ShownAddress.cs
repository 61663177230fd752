namespace TradeAlertBot.Endpoints;

/// <summary>How a destination's address is shown outside chat (health report, admin page).</summary>
public static class ShownAddress
{
    // A Workflows webhook address is a URL whose query is its credential (sig=…): show only where it points.
    public static string Of(string address) =>
        Uri.TryCreate(address, UriKind.Absolute, out var url) && url.Scheme is "http" or "https"
            ? $"{url.Scheme}://{url.Host}/…"
            : address;
}
