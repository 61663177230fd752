using TradeAlertBot.Core.IO;

namespace TradeAlertBot.Feeds.Fetching;

/// <summary>
/// Reads a response body under the Feeds:MaxBytes cap (<see cref="CappedRead"/>), refusing early when the
/// Content-Length already says too much.
/// </summary>
internal static class BodySizeLimit
{
    public static async Task<byte[]> ReadAsync(HttpContent content, long maxBytes, CancellationToken cancellationToken)
    {
        if (content.Headers.ContentLength > maxBytes)
        {
            throw TooLarge(maxBytes);
        }

        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        return await ReadAsync(stream, maxBytes, cancellationToken);
    }

    public static async Task<byte[]> ReadAsync(Stream stream, long maxBytes, CancellationToken cancellationToken) =>
        await CappedRead.ReadAsync(stream, maxBytes, cancellationToken) ?? throw TooLarge(maxBytes);

    public static string Describe(long bytes) => bytes switch
    {
        _ when bytes % (1024 * 1024) == 0 => $"{bytes / (1024 * 1024)} MiB",
        _ when bytes % 1024 == 0 => $"{bytes / 1024} KiB",
        _ => $"{bytes} bytes",
    };

    private static FeedFetchException TooLarge(long maxBytes) =>
        new(FeedFetchErrorKind.TooLarge, $"fetch: body exceeds {Describe(maxBytes)} cap");
}
