using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace TradeAlertBot.TestFakes;

/// <summary>
/// Kestrel on 127.0.0.1 at a port the system picks, so fakes of remote servers never share a port (tests run in
/// parallel) and never leave the machine. The caller maps its routes or middleware before the server starts.
/// </summary>
public sealed class LoopbackServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LoopbackServer(WebApplication app, Uri baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    /// <summary>The server's root, e.g. http://127.0.0.1:41234/.</summary>
    public Uri BaseUrl { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>Starts a server whose requests <paramref name="map"/> routes (endpoints, middleware, or one handler).</summary>
    public static async Task<LoopbackServer> StartAsync(Action<WebApplication> map)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        map(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return new LoopbackServer(app, new Uri(address));
    }

    public Uri Url(string pathAndQuery) => new(BaseUrl, pathAndQuery);

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
