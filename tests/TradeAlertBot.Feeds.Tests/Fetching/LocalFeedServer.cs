using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using TradeAlertBot.TestFakes;

namespace TradeAlertBot.Feeds.Tests.Fetching;

/// <summary>A feed server on 127.0.0.1 (<see cref="LoopbackServer"/>), one per test, recording the requests it receives.</summary>
internal sealed class LocalFeedServer : IAsyncDisposable
{
    private LoopbackServer _server = null!;

    private LocalFeedServer()
    {
    }

    public Uri BaseUrl => _server.BaseUrl;

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public static async Task<LocalFeedServer> StartAsync(Action<WebApplication> map)
    {
        var feeds = new LocalFeedServer();
        feeds._server = await LoopbackServer.StartAsync(app =>
        {
            app.Use(async (context, next) =>
            {
                feeds.Requests.Enqueue(new RecordedRequest(
                    context.Request.Path + context.Request.QueryString,
                    context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase)));
                await next(context);
            });
            map(app);
        });
        return feeds;
    }

    public Uri Url(string pathAndQuery) => _server.Url(pathAndQuery);

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    public static async Task WriteAsync(HttpContext context, string body, string contentType = "application/rss+xml")
    {
        context.Response.ContentType = contentType;
        await context.Response.WriteAsync(body, context.RequestAborted);
    }
}
