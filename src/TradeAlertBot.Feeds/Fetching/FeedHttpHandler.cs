using System.Net;

namespace TradeAlertBot.Feeds.Fetching;

/// <summary>The primary HTTP handler for feed fetches.</summary>
internal static class FeedHttpHandler
{
    public static SocketsHttpHandler Create(UrlGuard guard) => new()
    {
        // Redirects are followed by FeedFetcher, hop by hop, so each target passes the guard and 301s are seen.
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.All,
        UseCookies = false,

        // A proxy would make ConnectCallback guard the proxy's address instead of the feed's.
        UseProxy = false,
        ConnectCallback = guard.ConnectAsync,

        // Re-resolve (and re-check) hosts now and then rather than trusting a pooled connection forever.
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
    };
}
