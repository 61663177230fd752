using System.Globalization;

namespace TradeAlertBot.Feeds.Fetching;

/// <summary>Serves file: feed URLs from the samples directory, with Last-Modified as the validator.</summary>
internal static class SampleFiles
{
    public static async Task<FetchResult> ReadAsync(UrlGuard guard, FeedRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        var path = guard.ResolveSampleFile(request.Url);
        var file = new FileInfo(path);
        if (!file.Exists)
        {
            throw new FeedFetchException(FeedFetchErrorKind.HttpStatus, $"fetch: sample file {path} does not exist", statusCode: 404);
        }

        var lastModified = file.LastWriteTimeUtc.ToString("R", CultureInfo.InvariantCulture);
        if (request.LastModified == lastModified)
        {
            return new FetchResult.NotModified(request.Url, null, null);
        }

        await using var stream = file.OpenRead();
        var body = await BodySizeLimit.ReadAsync(stream, maxBytes, cancellationToken);
        return new FetchResult.Content(body, null, null, lastModified, request.Url, null, null);
    }
}
