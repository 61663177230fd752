using System.Collections.Concurrent;
using TradeAlertBot.TestFakes;

namespace TradeAlertBot.IntegrationTests.Fakes;

/// <summary>
/// The feeds several nodes poll, on 127.0.0.1: every answer comes after a delay, so polls overlap in time and a node
/// can be killed with fetches in flight. It records what a cluster must never do (two requests for one feed at
/// once) and which node (told apart by its User-Agent) asked for each feed.
/// </summary>
internal sealed class ClusterFeedServer : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, string> _feeds = new();
    private readonly ConcurrentDictionary<string, int> _inFlight = new();
    private readonly ConcurrentQueue<string> _overlaps = new();
    private readonly ConcurrentQueue<(string Path, string Agent, DateTimeOffset At)> _asked = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _firstAsk = new();
    private readonly TimeSpan _delay;
    private LoopbackServer _server = null!;

    private ClusterFeedServer(TimeSpan delay) => _delay = delay;

    public static async Task<ClusterFeedServer> StartAsync(TimeSpan delay)
    {
        var feeds = new ClusterFeedServer(delay);
        feeds._server = await LoopbackServer.StartAsync(app => app.Run(feeds.HandleAsync));
        return feeds;
    }

    public Uri Url(string path) => new(_server.BaseUrl, path);

    public void Serve(string path, string xml) => _feeds[path] = xml;

    /// <summary>Feeds that were requested while another request for them was still being answered.</summary>
    public IReadOnlyList<string> Overlaps => [.. _overlaps];

    public IReadOnlySet<string> AskedBy(string agent) => _asked.Where(a => a.Agent.Contains(agent, StringComparison.Ordinal)).Select(a => a.Path).ToHashSet();

    /// <summary>When a node other than <paramref name="agent"/> first asked for <paramref name="path"/> after <paramref name="since"/>, if it did.</summary>
    public DateTimeOffset? AskedByOtherAfter(string path, string agent, DateTimeOffset since) => _asked
        .Where(a => a.Path == path && !a.Agent.Contains(agent, StringComparison.Ordinal) && a.At > since)
        .Select(a => (DateTimeOffset?)a.At).Min();

    /// <summary>Completes when a node whose User-Agent contains <paramref name="agent"/> next has a request in flight.</summary>
    public Task NextRequestFrom(string agent)
    {
        var waiting = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _firstAsk[agent] = waiting;
        return waiting.Task;
    }

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        var agent = context.Request.Headers.UserAgent.ToString();
        if (!_feeds.TryGetValue(path, out var xml))
        {
            context.Response.StatusCode = 404;
            return;
        }

        if (_inFlight.AddOrUpdate(path, 1, (_, n) => n + 1) > 1)
        {
            _overlaps.Enqueue(path);
        }

        try
        {
            _asked.Enqueue((path, agent, TimeProvider.System.GetUtcNow()));
            foreach (var (name, waiting) in _firstAsk)
            {
                if (agent.Contains(name, StringComparison.Ordinal))
                {
                    waiting.TrySetResult();
                }
            }

            await Task.Delay(_delay, context.RequestAborted);
            var etag = $"\"{(uint)xml.GetHashCode():x8}\"";
            if (context.Request.Headers.IfNoneMatch == etag)
            {
                context.Response.StatusCode = 304;
                return;
            }

            context.Response.Headers.ETag = etag;
            context.Response.ContentType = "application/rss+xml; charset=utf-8";
            await context.Response.WriteAsync(xml, context.RequestAborted);
        }
        finally
        {
            _inFlight.AddOrUpdate(path, 0, (_, n) => n - 1);
        }
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
