namespace TradeAlertBot.Feeds.Fetching;

/// <summary>A fetch failed; the message starts with "fetch:" and says why in words an operator can act on.</summary>
public sealed class FeedFetchException : Exception
{
    public FeedFetchException(
        FeedFetchErrorKind kind,
        string message,
        Exception? innerException = null,
        int? statusCode = null,
        TimeSpan? retryAfter = null)
        : base(message, innerException)
    {
        Kind = kind;
        StatusCode = statusCode;
        RetryAfter = retryAfter;
    }

    public FeedFetchErrorKind Kind { get; }

    /// <summary>The HTTP status, when the failure was one.</summary>
    public int? StatusCode { get; }

    /// <summary>How long the server asked us to wait (Retry-After), when it said.</summary>
    public TimeSpan? RetryAfter { get; }
}
