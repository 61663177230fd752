using System.Buffers;

namespace TradeAlertBot.Core.IO;

/// <summary>
/// Reads a stream to the end unless it passes a byte cap — counted as read, so the cap holds for chunked bodies
/// with no Content-Length and after decompression (a gzip bomb stops at the cap).
/// </summary>
public static class CappedRead
{
    /// <summary>The whole stream, or null as soon as it exceeds <paramref name="maxBytes"/> (reading stops there).</summary>
    public static async Task<byte[]?> ReadAsync(Stream stream, long maxBytes, CancellationToken ct)
    {
        using var body = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            int read;
            while ((read = await stream.ReadAsync(chunk, ct)) > 0)
            {
                if (body.Length + read > maxBytes)
                {
                    return null;
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
}
