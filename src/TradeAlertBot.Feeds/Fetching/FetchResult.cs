namespace TradeAlertBot.Feeds.Fetching;

/// <summary>What a successful fetch found. Failures are <see cref="FeedFetchException"/>s.</summary>
/// <param name="FinalUrl">Where the document was finally found, after redirects.</param>
/// <param name="PermanentUrl">The new address to store when the feed was moved permanently (301/308 from the
/// start of the chain); null when it was not.</param>
/// <param name="MaxAge">How long the server says the response stays fresh (Cache-Control max-age, else Expires).</param>
public abstract record FetchResult(Uri FinalUrl, Uri? PermanentUrl, TimeSpan? MaxAge)
{
    /// <summary>304: the stored copy is current.</summary>
    public sealed record NotModified(Uri FinalUrl, Uri? PermanentUrl, TimeSpan? MaxAge)
        : FetchResult(FinalUrl, PermanentUrl, MaxAge);

    /// <summary>A new answer to read, with the validators to send next time (kept only once it is fully stored).</summary>
    public abstract record Fresh(Uri FinalUrl, Uri? PermanentUrl, TimeSpan? MaxAge, string? ETag, string? LastModified)
        : FetchResult(FinalUrl, PermanentUrl, MaxAge);

    /// <summary>A document, with the charset from Content-Type and the validators to send next time.</summary>
    public sealed record Content(
        byte[] Body,
        string? Charset,
        string? ETag,
        string? LastModified,
        Uri FinalUrl,
        Uri? PermanentUrl,
        TimeSpan? MaxAge)
        : Fresh(FinalUrl, PermanentUrl, MaxAge, ETag, LastModified);
}
