namespace TradeAlertBot.Feeds.Fetching;

/// <summary>Why a fetch failed.</summary>
public enum FeedFetchErrorKind
{
    /// <summary>The URL's scheme, host or address is not allowed (SSRF guard).</summary>
    Blocked,

    /// <summary>No complete response within the configured timeout.</summary>
    Timeout,

    /// <summary>The body is larger than the configured cap (after decompression).</summary>
    TooLarge,

    /// <summary>410: the publisher removed the feed; it should be disabled.</summary>
    Gone,

    /// <summary>429, or 503 with Retry-After: come back later (see <see cref="FeedFetchException.RetryAfter"/>).</summary>
    RateLimited,

    /// <summary>More redirects than allowed (or a loop).</summary>
    TooManyRedirects,

    /// <summary>Any other non-success status (see <see cref="FeedFetchException.StatusCode"/>).</summary>
    HttpStatus,

    /// <summary>DNS, connection, TLS or transfer failure.</summary>
    Network,
}
