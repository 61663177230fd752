using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace TradeAlertBot.Tests.Jobs;

/// <summary>An HTTP feed on 127.0.0.1 that answers only once it is told to; with ETag "v1", and 304 to a request that sends it back.</summary>
internal sealed class SlowFeedServer(WebApplication app, Task requested, Func<int> requests) : IAsyncDisposable
{
    public string Url { get; } = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/feed.xml";

    public Task Requested { get; } = requested;

    public int Requests => requests();

    public static async Task<SlowFeedServer> StartAsync(Task answer, string xml)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var requested = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var count = 0;
        app.MapGet("/feed.xml", async (HttpContext http) =>
        {
            Interlocked.Increment(ref count);
            requested.TrySetResult();
            await answer;
            http.Response.Headers.ETag = "\"v1\"";
            return http.Request.Headers.IfNoneMatch == "\"v1\""
                ? Results.StatusCode(StatusCodes.Status304NotModified)
                : Results.Text(xml, "application/rss+xml", Encoding.UTF8);
        });
        await app.StartAsync();
        return new SlowFeedServer(app, requested.Task, () => Volatile.Read(ref count));
    }

    public ValueTask DisposeAsync() => app.DisposeAsync();
}
