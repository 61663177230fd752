using System.Collections.Concurrent;
using TradeAlertBot.TestFakes;

namespace TradeAlertBot.IntegrationTests.Fakes;

/// <summary>
/// A feed server on 127.0.0.1 (<see cref="LoopbackServer"/>) whose feeds tests script: each path answers with a document (honouring
/// If-None-Match with 304) or a fixed status. Counts requests per path.
/// </summary>
internal sealed class FeedServer : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Func<HttpContext, Task>> _routes = new();
    private readonly ConcurrentDictionary<string, int> _hits = new();
    private readonly ConcurrentDictionary<string, int> _full = new();
    private LoopbackServer _server = null!;

    public Uri BaseUrl => _server.BaseUrl;

    public static async Task<FeedServer> StartAsync()
    {
        var feeds = new FeedServer();
        feeds._server = await LoopbackServer.StartAsync(app => app.Run(feeds.HandleAsync));
        return feeds;
    }

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        _hits.AddOrUpdate(path, 1, (_, n) => n + 1);
        if (_routes.TryGetValue(path, out var handler))
        {
            await handler(context);
        }
        else
        {
            context.Response.StatusCode = 404;
        }
    }

    public Uri Url(string path) => new(BaseUrl, path);

    public int Hits(string path) => _hits.GetValueOrDefault(path);

    /// <summary>How many requests to <paramref name="path"/> were answered with the full document (not 304).</summary>
    public int FullResponses(string path) => _full.GetValueOrDefault(path);

    /// <summary>Serves <paramref name="xml"/> with an ETag derived from its content; a matching If-None-Match gets 304.</summary>
    public void Serve(string path, string xml)
    {
        var etag = $"\"{(uint)xml.GetHashCode():x8}\"";
        _routes[path] = async context =>
        {
            if (context.Request.Headers.IfNoneMatch == etag)
            {
                context.Response.StatusCode = 304;
                return;
            }

            _full.AddOrUpdate(path, 1, (_, n) => n + 1);
            context.Response.Headers.ETag = etag;
            context.Response.ContentType = "application/rss+xml; charset=utf-8";
            await context.Response.WriteAsync(xml);
        };
    }

    public void Status(string path, int status, string? retryAfter = null) =>
        _routes[path] = context =>
        {
            context.Response.StatusCode = status;
            if (retryAfter is not null)
            {
                context.Response.Headers.RetryAfter = retryAfter;
            }

            return Task.CompletedTask;
        };

    public void Redirect(string path, string target, int status = 301) =>
        _routes[path] = context =>
        {
            context.Response.StatusCode = status;
            context.Response.Headers.Location = target;
            return Task.CompletedTask;
        };

    /// <summary>Answers only after <paramref name="delay"/> (or when the client gives up).</summary>
    public void Slow(string path, TimeSpan delay, string xml) =>
        _routes[path] = async context =>
        {
            await Task.Delay(delay, context.RequestAborted);
            await context.Response.WriteAsync(xml);
        };

    /// <summary>Streams <paramref name="bytes"/> of an endless-looking feed, chunked (no Content-Length to refuse early).</summary>
    public void Huge(string path, int bytes) =>
        _routes[path] = async context =>
        {
            context.Response.ContentType = "application/rss+xml";
            await context.Response.WriteAsync("<rss version=\"2.0\"><channel><title>Huge</title>");
            var filler = new string('x', 8192);
            for (var sent = 0; sent < bytes && !context.RequestAborted.IsCancellationRequested; sent += filler.Length)
            {
                await context.Response.WriteAsync($"<!--{filler}-->", context.RequestAborted);
            }
        };

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
