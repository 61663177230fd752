using Microsoft.AspNetCore.Http;

namespace TradeAlertBot.Feeds.Tests.Fetching;

/// <summary>Canned responses for the local feed server.</summary>
internal static class FeedResponses
{
    public const string Rss = """<?xml version="1.0"?><rss version="2.0"><channel><title>t</title></channel></rss>""";

    public static Task Redirect(HttpContext context, int status, string location)
    {
        context.Response.StatusCode = status;
        context.Response.Headers.Location = location;
        return Task.CompletedTask;
    }

    public static byte[] Compress(byte[] data, Func<Stream, Stream> compressor)
    {
        using var output = new MemoryStream();
        using (var stream = compressor(output))
        {
            stream.Write(data);
        }

        return output.ToArray();
    }
}
