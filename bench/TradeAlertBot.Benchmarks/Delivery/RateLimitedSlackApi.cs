using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using TradeAlertBot.TestFakes;

namespace TradeAlertBot.Benchmarks.Delivery;

/// <summary>
/// A Slack Web API on 127.0.0.1 (<see cref="LoopbackServer"/>) that enforces Slack's message limit strictly: one chat.postMessage per channel per
/// second (https://api.slack.com/methods/chat.postMessage#rate_limiting). A post less than 1 s after the channel's
/// previous accepted post gets HTTP 429 with <c>Retry-After: 1</c>; an accepted one is recorded with its delivery id
/// (message metadata), digest size and receive time. conversations.history answers from the recorded posts, so the
/// sender's recovery path ("was it posted before?") sees what was really accepted.
/// </summary>
internal sealed partial class RateLimitedSlackApi : IAsyncDisposable
{
    private const string Token = "xoxb-bench";
    private static readonly long MinGap = Stopwatch.Frequency; // 1 s in Stopwatch ticks

    private readonly ConcurrentDictionary<string, ChannelLog> _channels = new();
    private readonly ConcurrentQueue<long> _rejections = new();
    private readonly long _startSeconds = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
    private long _tsCounter;
    private int _historyCalls;
    private int _updates;
    private LoopbackServer _server = null!;

    /// <summary>The value for <c>Slack:ApiBaseUrl</c>.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>The bot token the fake accepts, for <c>Slack:BotToken</c>.</summary>
    public static string BotToken => Token;

    /// <summary>When (Stopwatch timestamp) each 429 was answered.</summary>
    public IReadOnlyList<long> Rejections => [.. _rejections];

    public int HistoryCalls => _historyCalls;

    public int Updates => _updates;

    /// <summary>Every accepted post, all channels.</summary>
    public IReadOnlyList<SlackPost> Posts => [.. _channels.Values.SelectMany(c => c.Snapshot())];

    public static async Task<RateLimitedSlackApi> StartAsync()
    {
        var fake = new RateLimitedSlackApi();
        fake._server = await LoopbackServer.StartAsync(app => app.MapPost("/api/{method}", fake.HandleAsync));
        fake.BaseUrl = fake._server.Url("/api/");
        return fake;
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private async Task HandleAsync(string method, HttpContext context)
    {
        var received = Stopwatch.GetTimestamp();
        var body = await ReadBodyAsync(context.Request);
        if (context.Request.Headers.Authorization.ToString() != $"Bearer {Token}")
        {
            await WriteAsync(context, new JsonObject { ["ok"] = false, ["error"] = "invalid_auth" });
            return;
        }

        switch (method)
        {
            case "chat.postMessage":
                await PostAsync(context, body, received);
                return;
            case "conversations.history":
                Interlocked.Increment(ref _historyCalls);
                await WriteAsync(context, History(body));
                return;
            case "chat.update":
                Interlocked.Increment(ref _updates);
                await WriteAsync(context, new JsonObject { ["ok"] = true, ["channel"] = Text(body, "channel"), ["ts"] = Text(body, "ts") });
                return;
            default:
                await WriteAsync(context, new JsonObject { ["ok"] = true });
                return;
        }
    }

    private async Task PostAsync(HttpContext context, JsonObject body, long received)
    {
        if (Text(body, "channel") is not { Length: > 0 } channel)
        {
            await WriteAsync(context, new JsonObject { ["ok"] = false, ["error"] = "channel_not_found" });
            return;
        }

        var text = Text(body, "text") ?? "";
        var digest = DigestHeader().Match(text) is { Success: true } m ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        var deliveryId = body["metadata"]?["event_payload"]?["delivery_id"]?.ToString();
        var log = _channels.GetOrAdd(channel, _ => new ChannelLog());
        var ts = NextTs();
        var post = new SlackPost(channel, ts, text, deliveryId, Text(body, "thread_ts"), digest, received, body["metadata"]?.DeepClone());
        if (!log.TryAccept(post, MinGap))
        {
            _rejections.Enqueue(received);
            context.Response.StatusCode = 429;
            context.Response.Headers.RetryAfter = "1";
            await WriteAsync(context, new JsonObject { ["ok"] = false, ["error"] = "ratelimited" });
            return;
        }

        await WriteAsync(context, new JsonObject { ["ok"] = true, ["channel"] = channel, ["ts"] = ts });
    }

    // conversations.history: the channel's top-level posts since "oldest", newest first, with their metadata.
    private JsonObject History(JsonObject body)
    {
        var oldest = double.TryParse(Text(body, "oldest"), NumberStyles.Float, CultureInfo.InvariantCulture, out var o) ? o : 0;
        var posts = Text(body, "channel") is { } channel && _channels.TryGetValue(channel, out var log) ? log.Snapshot() : [];
        var messages = posts
            .Where(p => p.ThreadTs is null && double.Parse(p.Ts, CultureInfo.InvariantCulture) >= oldest)
            .OrderByDescending(p => p.Ts, StringComparer.Ordinal)
            .Take(200)
            .Select(p => (JsonNode)new JsonObject { ["type"] = "message", ["ts"] = p.Ts, ["text"] = p.Text, ["metadata"] = p.Metadata?.DeepClone() });
        return new JsonObject { ["ok"] = true, ["messages"] = new JsonArray([.. messages]), ["has_more"] = false };
    }

    private string NextTs()
    {
        // Real seconds (history filters by "oldest") and a counter that keeps them unique and ordered.
        var n = Interlocked.Add(ref _tsCounter, 1);
        return string.Create(CultureInfo.InvariantCulture, $"{_startSeconds + (n / 1_000_000)}.{n % 1_000_000:D6}");
    }

    private static async Task<JsonObject> ReadBodyAsync(HttpRequest request)
    {
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync();
            var fields = new JsonObject();
            foreach (var (name, value) in form)
            {
                fields[name] = value.ToString();
            }

            return fields;
        }

        try
        {
            return await JsonNode.ParseAsync(request.Body) as JsonObject ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    private static string? Text(JsonObject body, string name) =>
        body[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static Task WriteAsync(HttpContext context, JsonObject reply)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsync(reply.ToJsonString());
    }

    // DigestBlocks' fallback text starts "Trade alert digest: N new".
    [GeneratedRegex(@"^Trade alert digest: (\d+) new")]
    private static partial Regex DigestHeader();

    /// <summary>One channel's accepted posts and the time of the last one, under one lock (the limit is per channel).</summary>
    private sealed class ChannelLog
    {
        private readonly List<SlackPost> _posts = [];
        private long _lastAccepted = long.MinValue;

        public bool TryAccept(SlackPost post, long minGap)
        {
            lock (_posts)
            {
                if (_lastAccepted != long.MinValue && post.ReceivedAt - _lastAccepted < minGap)
                {
                    return false;
                }

                _lastAccepted = post.ReceivedAt;
                _posts.Add(post);
                return true;
            }
        }

        public List<SlackPost> Snapshot()
        {
            lock (_posts)
            {
                return [.. _posts];
            }
        }
    }
}
