using System.Buffers;

namespace TradeAlertBot.Feeds.Fetching;

/// <summary>
/// Reads a response body while counting bytes, so a cap holds for chunked bodies with no Content-Length and for
/// compressed ones (the count is taken after decompression, which stops a gzip bomb after MaxBytes).
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

    public static async Task<byte[]> ReadAsync(Stream stream, long maxBytes, CancellationToken cancellationToken)
    {
        using var body = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (body.Length + read > maxBytes)
                {
                    throw TooLarge(maxBytes);
                }

                body.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return body.ToArray();
    }

    public static string Describe(long bytes) => bytes switch
    {
        _ when bytes % (1024 * 1024) == 0 => $"{bytes / (1024 * 1024)} MiB",
        _ when bytes % 1024 == 0 => $"{bytes / 1024} KiB",
        _ => $"{bytes} bytes",
    };

    private static FeedFetchException TooLarge(long maxBytes) =>
        new(FeedFetchErrorKind.TooLarge, $"fetch: body exceeds {Describe(maxBytes)} cap");
}
