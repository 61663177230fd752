using TradeAlertBot.Feeds.Fetching;

namespace TradeAlertBot.Feeds.FederalRegister;

/// <summary>
/// The last answer of <c>public-inspection-documents/current.json</c>, shared by every Federal Register source of the
/// process: each source asks with its validators, so while the list is unchanged the API answers 304 and the
/// (large) list is not sent again for every source.
/// </summary>
public sealed class PublicInspectionCache
{
    private readonly Lock _gate = new();
    private (Uri Url, FetchResult.Content Answer)? _last;

    /// <summary>The request to send: <paramref name="url"/> with the validators of its last answer, if any.</summary>
    public FeedRequest Request(Uri url)
    {
        lock (_gate)
        {
            return _last is { } last && last.Url == url
                ? new FeedRequest(url, last.Answer.ETag, last.Answer.LastModified)
                : new FeedRequest(url);
        }
    }

    /// <summary>The body to read for <paramref name="url"/>: a new answer is kept (when it has validators); a 304 gives the kept one back.</summary>
    public byte[] Body(Uri url, FetchResult fetched)
    {
        lock (_gate)
        {
            if (fetched is FetchResult.Content content)
            {
                _last = content.ETag is not null || content.LastModified is not null ? (url, content) : null;
                return content.Body;
            }

            return _last is { } last && last.Url == url ? last.Answer.Body : [];
        }
    }
}
