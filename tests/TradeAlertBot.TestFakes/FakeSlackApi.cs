using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using TradeAlertBot.Slack.Api;

namespace TradeAlertBot.TestFakes;

/// <summary>
/// The slice of the Slack Web API the bot uses, on 127.0.0.1: chat.postMessage, chat.update, conversations.history,
/// oauth.v2.access, apps.connections.open, plus <c>/response/{id}</c> standing in for
/// response_url. Requires a known bearer token (else <c>invalid_auth</c>), records every call, keeps posted messages,
/// and answers scripted faults (429, error codes, slow responses) for the next calls of a method.
/// </summary>
public sealed class FakeSlackApi : IAsyncDisposable
{
    private readonly HashSet<string> _tokens;
    private readonly HashSet<string> _revoked = [];
    private readonly List<SlackCall> _calls = [];
    private readonly ConcurrentDictionary<(string Channel, string Ts), FakeSlackMessage> _messages = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<Func<HttpContext, Task<bool>>>> _faults = new();
    private readonly object _gate = new();
    private long _tsCounter;
    private int _acceptThenFail;
    private int _acceptThenDrop;
    private readonly long _startSeconds = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
    private LoopbackServer _server = null!;

    private FakeSlackApi(IEnumerable<string> validTokens) => _tokens = [.. validTokens];

    /// <summary>http://127.0.0.1:{port}/api/ — the value for <c>Slack:ApiBaseUrl</c>.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>Channels with a known state; posting to one archived or without the bot fails as Slack would.</summary>
    public ConcurrentDictionary<string, FakeSlackChannel> Channels { get; } = new();

    public string ClientId { get; set; } = "fake-client-id";
    public string ClientSecret { get; set; } = "fake-client-secret";

    /// <summary>What oauth.v2.access returns for a valid code; its BotToken becomes valid on exchange.</summary>
    public SlackInstall Install { get; set; } = new("T0FAKE", "Fake Workspace", "xoxb-fake-installed", "U0FAKEBOT", "chat:write,commands");

    /// <summary>What apps.connections.open returns.</summary>
    public Uri SocketModeUrl { get; set; } = new("ws://127.0.0.1:1/socket");

    public static async Task<FakeSlackApi> StartAsync(params string[] validTokens)
    {
        var fake = new FakeSlackApi(validTokens);
        fake._server = await LoopbackServer.StartAsync(app => app.Run(fake.HandleAsync));
        fake.BaseUrl = fake._server.Url("/api/");
        return fake;
    }

    /// <summary>Completes once every call received so far has been answered (a delayed one included).</summary>
    public Task IdleAsync() => _server.IdleAsync();

    /// <summary>A response_url that records what is posted to it under <c>response/{id}</c>.</summary>
    public Uri ResponseUrl(string id) => new(BaseUrl, $"/response/{Uri.EscapeDataString(id)}");

    public IReadOnlyList<SlackCall> Calls
    {
        get
        {
            lock (_gate)
            {
                return [.. _calls];
            }
        }
    }

    public IReadOnlyList<SlackCall> CallsTo(string method) => [.. Calls.Where(c => c.Method == method)];

    /// <summary>
    /// The most messages one conversations.history page returns, whatever "limit" asks: 15, as Slack allows
    /// commercially distributed apps outside its Marketplace; raise it to act as an internal or Marketplace app.
    /// </summary>
    public int HistoryMaxLimit { get; set; } = 15;

    /// <summary>Puts a top-level message into <paramref name="channel"/> as if posted at <paramref name="at"/> (by anyone); returns its ts.</summary>
    public string AddMessage(string channel, DateTimeOffset at, string text, JsonObject? metadata = null)
    {
        var n = Interlocked.Add(ref _tsCounter, 100) % 1_000_000;
        var ts = string.Create(CultureInfo.InvariantCulture, $"{at.ToUnixTimeSeconds()}.{n:D6}");
        var body = new JsonObject { ["channel"] = channel, ["text"] = text, ["metadata"] = metadata };
        _messages[(channel, ts)] = new FakeSlackMessage(channel, ts, null, body);
        return ts;
    }

    /// <summary>Messages currently in <paramref name="channel"/> (all channels when null), oldest first.</summary>
    public IReadOnlyList<FakeSlackMessage> Messages(string? channel = null) =>
        [.. _messages.Values.Where(m => channel is null || m.Channel == channel).OrderBy(m => m.Ts, StringComparer.Ordinal)];

    public void AddToken(string token)
    {
        lock (_gate)
        {
            _tokens.Add(token);
            _revoked.Remove(token);
        }
    }

    /// <summary>From now on <paramref name="token"/> gets <c>token_revoked</c>, as after an uninstall.</summary>
    public void RevokeToken(string token)
    {
        lock (_gate)
        {
            _tokens.Remove(token);
            _revoked.Add(token);
        }
    }

    /// <summary>The next <paramref name="times"/> calls of <paramref name="method"/> get HTTP 429 with Retry-After.</summary>
    public void RateLimitNext(string method, int retryAfterSeconds, int times = 1) =>
        Script(method, times, async context =>
        {
            context.Response.StatusCode = 429;
            context.Response.Headers.RetryAfter = retryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            await WriteAsync(context, new JsonObject { ["ok"] = false, ["error"] = "ratelimited" });
            return true;
        });

    /// <summary>
    /// The next <paramref name="answered"/> calls of <paramref name="method"/> answer normally, the one after is rate
    /// limited: HTTP 429 with Retry-After, or (<paramref name="asError"/>) HTTP 200 <c>{"ok":false,"error":"ratelimited"}</c>.
    /// </summary>
    public void AnswerThenRateLimit(string method, int answered, int retryAfterSeconds, bool asError = false)
    {
        Script(method, answered, _ => Task.FromResult(false));
        Script(method, 1, async context =>
        {
            context.Response.StatusCode = asError ? 200 : 429;
            context.Response.Headers.RetryAfter = retryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            await WriteAsync(context, new JsonObject { ["ok"] = false, ["error"] = "ratelimited" });
            return true;
        });
    }

    /// <summary>The next calls of <paramref name="method"/> get <c>{"ok":false,"error":error}</c>.</summary>
    public void FailNext(string method, string error, int times = 1) =>
        Script(method, times, async context =>
        {
            await WriteAsync(context, new JsonObject { ["ok"] = false, ["error"] = error });
            return true;
        });

    /// <summary>The next calls of <paramref name="method"/> get a bare HTTP <paramref name="status"/> (e.g. 503).</summary>
    public void StatusNext(string method, int status, int times = 1) =>
        Script(method, times, context =>
        {
            context.Response.StatusCode = status;
            return Task.FromResult(true);
        });

    /// <summary>The next calls of <paramref name="method"/> answer normally, but only after <paramref name="delay"/>.</summary>
    public void DelayNext(string method, TimeSpan delay, int times = 1) =>
        Script(method, times, async context =>
        {
            try
            {
                await Task.Delay(delay, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return true;
            }

            return false;
        });

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    private void Script(string method, int times, Func<HttpContext, Task<bool>> fault)
    {
        var queue = _faults.GetOrAdd(method, _ => new ConcurrentQueue<Func<HttpContext, Task<bool>>>());
        for (var i = 0; i < times; i++)
        {
            queue.Enqueue(fault);
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        string method;
        if (path.StartsWith("/api/", StringComparison.Ordinal))
        {
            method = path["/api/".Length..];
        }
        else if (path.StartsWith("/response/", StringComparison.Ordinal))
        {
            method = path[1..];
        }
        else
        {
            context.Response.StatusCode = 404;
            return;
        }

        var body = await ReadBodyAsync(context.Request);
        var token = Bearer(context.Request);
        lock (_gate)
        {
            _calls.Add(new SlackCall(method, token, body, context.Request.ContentType));
        }

        var faultKey = method.StartsWith("response/", StringComparison.Ordinal) ? "response" : method;
        if ((_faults.TryGetValue(faultKey, out var queue) || _faults.TryGetValue(method, out queue))
            && queue.TryDequeue(out var fault)
            && await fault(context))
        {
            return;
        }

        if (faultKey == "response")
        {
            await WriteAsync(context, new JsonObject { ["ok"] = true });
            return;
        }

        if (method != "oauth.v2.access" && AuthError(token) is { } authError)
        {
            await WriteAsync(context, Error(authError));
            return;
        }

        var reply = method switch
        {
            "chat.postMessage" => PostMessage(body),
            "chat.update" => Update(body),
            "conversations.history" => History(body),
            "oauth.v2.access" => OAuthAccess(body),
            "apps.connections.open" => new JsonObject { ["ok"] = true, ["url"] = SocketModeUrl.AbsoluteUri },
            _ => Error("unknown_method"),
        };
        if (method == "chat.postMessage" && Interlocked.Decrement(ref _acceptThenFail) >= 0)
        {
            context.Response.StatusCode = 500; // stored, but the caller never hears so: an uncertain attempt
            return;
        }

        if (method == "chat.postMessage" && Interlocked.Decrement(ref _acceptThenDrop) >= 0)
        {
            context.Abort(); // stored, then the connection drops before any answer
            return;
        }

        await WriteAsync(context, reply);
    }

    /// <summary>The next <paramref name="times"/> chat.postMessage calls store the message but answer 500, as a crash after posting looks to the sender.</summary>
    public void AcceptThenFailNext(int times = 1) => Interlocked.Exchange(ref _acceptThenFail, times);

    /// <summary>The next <paramref name="times"/> chat.postMessage calls store the message, then drop the connection unanswered.</summary>
    public void AcceptThenDropNext(int times = 1) => Interlocked.Exchange(ref _acceptThenDrop, times);

    // conversations.history: the channel's top-level messages between "oldest" and "latest" (exclusive unless
    // "inclusive"), newest first, metadata included, at most min(limit, HistoryMaxLimit) a page, then a cursor.
    private JsonObject History(JsonObject body)
    {
        var channel = Text(body, "channel");
        var oldest = Seconds(Text(body, "oldest")) ?? 0;
        var latest = Seconds(Text(body, "latest")) ?? double.MaxValue;
        var inclusive = Text(body, "inclusive") is "true" or "1";
        var limit = Math.Min(int.TryParse(Text(body, "limit"), CultureInfo.InvariantCulture, out var l) && l > 0 ? l : 100, HistoryMaxLimit);
        var offset = int.TryParse(Text(body, "cursor")?.Replace("page:", "", StringComparison.Ordinal), CultureInfo.InvariantCulture, out var o) ? o : 0;
        var inWindow = Messages(channel)
            .Where(m => m.ThreadTs is null)
            .Where(m => double.Parse(m.Ts, CultureInfo.InvariantCulture) is var ts
                && (inclusive ? ts >= oldest && ts <= latest : ts > oldest && ts < latest))
            .OrderByDescending(m => m.Ts, StringComparer.Ordinal)
            .ToList();
        var page = inWindow.Skip(offset).Take(limit).Select(m => (JsonNode)new JsonObject
        {
            ["type"] = "message",
            ["ts"] = m.Ts,
            ["text"] = m.Text,
            ["metadata"] = m.Body["metadata"]?.DeepClone(),
        });
        var more = offset + limit < inWindow.Count;
        return new JsonObject
        {
            ["ok"] = true,
            ["messages"] = new JsonArray([.. page]),
            ["has_more"] = more,
            ["response_metadata"] = new JsonObject { ["next_cursor"] = more ? $"page:{offset + limit}" : "" },
        };
    }

    private static double? Seconds(string? ts) =>
        double.TryParse(ts, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) ? seconds : null;

    private string? AuthError(string? token)
    {
        lock (_gate)
        {
            return token is null ? "not_authed"
                : _revoked.Contains(token) ? "token_revoked"
                : _tokens.Contains(token) ? null
                : "invalid_auth";
        }
    }

    private JsonObject PostMessage(JsonObject body)
    {
        if (MessageError(body) is { } error)
        {
            return Error(error);
        }

        var channel = Text(body, "channel")!;
        var ts = NextTs();
        var message = new FakeSlackMessage(channel, ts, Text(body, "thread_ts"), body);
        _messages[(channel, ts)] = message;
        return new JsonObject
        {
            ["ok"] = true,
            ["channel"] = channel,
            ["ts"] = ts,
            ["message"] = new JsonObject { ["type"] = "message", ["text"] = Text(body, "text"), ["ts"] = ts },
        };
    }

    private JsonObject Update(JsonObject body)
    {
        if (MessageError(body) is { } error)
        {
            return Error(error);
        }

        var channel = Text(body, "channel")!;
        var ts = Text(body, "ts");
        if (ts is null || !_messages.TryGetValue((channel, ts), out var existing))
        {
            return Error("message_not_found");
        }

        if ((Text(body, "text")?.Length ?? 0) > 4000)
        {
            return Error("msg_too_long");
        }

        _messages[(channel, ts)] = existing with { Body = body };
        return new JsonObject { ["ok"] = true, ["channel"] = channel, ["ts"] = ts, ["text"] = Text(body, "text") };
    }

    private JsonObject OAuthAccess(JsonObject body)
    {
        if (Text(body, "client_id") != ClientId)
        {
            return Error("invalid_client_id");
        }

        if (Text(body, "client_secret") != ClientSecret)
        {
            return Error("bad_client_secret");
        }

        if (string.IsNullOrEmpty(Text(body, "code")))
        {
            return Error("invalid_code");
        }

        var install = Install;
        AddToken(install.BotToken);
        return new JsonObject
        {
            ["ok"] = true,
            ["access_token"] = install.BotToken,
            ["token_type"] = "bot",
            ["scope"] = install.Scope,
            ["bot_user_id"] = install.BotUserId,
            ["app_id"] = "A0FAKE",
            ["team"] = new JsonObject { ["id"] = install.TeamId, ["name"] = install.TeamName },
            ["enterprise"] = null,
            ["authed_user"] = new JsonObject { ["id"] = "U0INSTALLER" },
        };
    }

    /// <summary>The checks Slack applies before posting (https://api.slack.com/methods/chat.postMessage#errors).</summary>
    private string? MessageError(JsonObject body)
    {
        if (Text(body, "channel") is not { Length: > 0 } channel)
        {
            return "channel_not_found";
        }

        if (Channels.TryGetValue(channel, out var info))
        {
            if (info.IsArchived)
            {
                return "is_archived";
            }

            if (!info.IsMember)
            {
                return "not_in_channel";
            }
        }

        var blocks = body["blocks"] as JsonArray;
        if (string.IsNullOrEmpty(Text(body, "text")) && (blocks is null || blocks.Count == 0))
        {
            return "no_text";
        }

        return blocks is { Count: > 50 } ? "invalid_blocks" : null;
    }

    private string NextTs()
    {
        // Real seconds (conversations.history filters by "oldest"), with a counter that keeps them unique and ordered.
        var n = Interlocked.Add(ref _tsCounter, 100);
        return string.Create(CultureInfo.InvariantCulture, $"{_startSeconds + (n / 1_000_000)}.{n % 1_000_000:D6}");
    }

    private static string? Bearer(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.Ordinal) ? header["Bearer ".Length..] : null;
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

        using var reader = new StreamReader(request.Body);
        var text = await reader.ReadToEndAsync();
        try
        {
            return JsonNode.Parse(text) as JsonObject ?? [];
        }
        catch (JsonException)
        {
            return new JsonObject { ["__unparseable"] = text };
        }
    }

    private static string? Text(JsonObject body, string name) =>
        body[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static JsonObject Error(string code) => new() { ["ok"] = false, ["error"] = code };

    private static Task WriteAsync(HttpContext context, JsonObject reply)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsync(reply.ToJsonString());
    }
}
