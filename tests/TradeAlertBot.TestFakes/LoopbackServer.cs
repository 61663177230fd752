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
/// Counts the requests being handled, so a test can wait until every request received has been answered
/// (<see cref="IdleAsync"/>) instead of sleeping for as long as a slow answer might take.
/// </summary>
public sealed class LoopbackServer : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly WebApplication _app;
    private readonly InFlight _inFlight;

    private LoopbackServer(WebApplication app, InFlight inFlight, Uri baseUrl)
    {
        _app = app;
        _inFlight = inFlight;
        BaseUrl = baseUrl;
    }

    /// <summary>The server's root, e.g. http://127.0.0.1:41234/.</summary>
    public Uri BaseUrl { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>Requests received whose handling has not finished yet.</summary>
    public int RequestsInFlight => _inFlight.Count;

    /// <summary>Starts a server whose requests <paramref name="map"/> routes (endpoints, middleware, or one handler).</summary>
    public static async Task<LoopbackServer> StartAsync(Action<WebApplication> map)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var inFlight = new InFlight();
        app.Use(async (context, next) =>
        {
            inFlight.Enter();
            try
            {
                await next(context);
            }
            finally
            {
                inFlight.Leave();
            }
        });
        map(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return new LoopbackServer(app, inFlight, new Uri(address));
    }

    /// <summary>
    /// Completes once no request is being handled: every request this server has received has been answered (or
    /// dropped). Requests a client has not sent yet are not waited for. Fails after 30 s rather than hang a test.
    /// </summary>
    public Task IdleAsync() => _inFlight.IdleAsync(Patience);

    public Uri Url(string pathAndQuery) => new(BaseUrl, pathAndQuery);

    /// <summary>Stops gracefully: open requests get the host's shutdown timeout to finish (disposing alone aborts them).</summary>
    public Task StopAsync() => _app.StopAsync();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    /// <summary>A count of requests being handled, with a task that completes whenever it is back at zero.</summary>
    private sealed class InFlight
    {
        private readonly object _gate = new();
        private int _count;
        private TaskCompletionSource _idle = NewIdle(completed: true);

        public int Count
        {
            get
            {
                lock (_gate)
                {
                    return _count;
                }
            }
        }

        public void Enter()
        {
            lock (_gate)
            {
                if (_count++ == 0)
                {
                    _idle = NewIdle(completed: false);
                }
            }
        }

        public void Leave()
        {
            lock (_gate)
            {
                if (--_count == 0)
                {
                    _idle.TrySetResult();
                }
            }
        }

        public async Task IdleAsync(TimeSpan patience)
        {
            Task idle;
            lock (_gate)
            {
                idle = _idle.Task;
            }

            try
            {
                await idle.WaitAsync(patience);
            }
            catch (TimeoutException)
            {
                throw new TimeoutException($"{Count} request(s) still unanswered after {patience.TotalSeconds:0} s.");
            }
        }

        private static TaskCompletionSource NewIdle(bool completed)
        {
            var idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            if (completed)
            {
                idle.SetResult();
            }

            return idle;
        }
    }
}
