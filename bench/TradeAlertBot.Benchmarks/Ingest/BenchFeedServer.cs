using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using TradeAlertBot.TestFakes;

namespace TradeAlertBot.Benchmarks.Ingest;

/// <summary>
/// Serves <c>/feed/{n}.xml</c> on 127.0.0.1 (<see cref="LoopbackServer"/>): prebuilt RSS documents with an ETag (304 on If-None-Match), and
/// records when each feed was last served, for latency.
/// </summary>
internal sealed class BenchFeedServer : IAsyncDisposable
{
    private readonly byte[][] _feeds;
    private LoopbackServer _server = null!;

    private BenchFeedServer(byte[][] feeds) => _feeds = feeds;

    public ConcurrentDictionary<int, long> ServedAt { get; } = new();

    /// <summary>How many times each feed was served in full (not 304): more than once in one cycle means it was polled twice.</summary>
    public ConcurrentDictionary<int, int> FullServes { get; } = new();

    public Uri BaseUrl => _server.BaseUrl;

    public static async Task<BenchFeedServer> StartAsync(byte[][] feeds)
    {
        var bench = new BenchFeedServer(feeds);
        bench._server = await LoopbackServer.StartAsync(app => app.MapGet("/feed/{n:int}.xml", bench.ServeAsync));
        return bench;
    }

    private async Task ServeAsync(int n, HttpContext context)
    {
        ServedAt[n] = Stopwatch.GetTimestamp();
        var etag = $"\"feed-{n}\"";
        if (context.Request.Headers.IfNoneMatch == etag)
        {
            context.Response.StatusCode = 304;
            return;
        }

        FullServes.AddOrUpdate(n, 1, (_, count) => count + 1);
        context.Response.Headers.ETag = etag;
        context.Response.ContentType = "application/rss+xml; charset=utf-8";
        await context.Response.Body.WriteAsync(_feeds[n]);
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    public static byte[] Rss(string title, IEnumerable<(string Guid, string Title, string Body)> items)
    {
        var xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel>");
        xml.Append("<title>").Append(SecurityElement(title)).Append("</title><link>https://bench.example.com/</link><description>bench</description>");
        foreach (var (guid, itemTitle, body) in items)
        {
            xml.Append("<item><guid>").Append(guid).Append("</guid><title>").Append(SecurityElement(itemTitle))
               .Append("</title><link>https://bench.example.com/").Append(guid).Append("</link><description>")
               .Append(SecurityElement(body)).Append("</description></item>");
        }

        return Encoding.UTF8.GetBytes(xml.Append("</channel></rss>").ToString());
    }

    private static string SecurityElement(string text) => System.Security.SecurityElement.Escape(text);
}
