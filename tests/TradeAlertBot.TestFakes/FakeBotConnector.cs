using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace TradeAlertBot.TestFakes;

/// <summary>
/// The Bot Connector endpoints the bot uses, on 127.0.0.1 under <see cref="ServiceUrl"/> (…/teams/, like Teams' own):
/// send, reply, update activities and create conversations; plus <c>/webhook/{id}</c> standing in for a Workflows
/// webhook. Connector calls need a bearer token (<see cref="ExpectedToken"/> when set, else any). Every call is recorded
/// with its raw path; scripted faults (status codes, Retry-After, delays) apply to the next calls of any kind.
/// </summary>
public sealed class FakeBotConnector : IAsyncDisposable
{
    private readonly List<ConnectorCall> _calls = [];
    private readonly List<FakeBotActivity> _activities = [];
    private readonly List<WebhookPost> _webhookPosts = [];
    private readonly ConcurrentQueue<Fault> _faults = new();
    private readonly object _gate = new();
    private long _counter;
    private LoopbackServer _server = null!;

    private FakeBotConnector()
    {
    }

    /// <summary>http://127.0.0.1:{port}/teams/ — what an inbound activity's serviceUrl would say.</summary>
    public string ServiceUrl { get; private set; } = "";

    /// <summary>When set, only <c>Authorization: Bearer {ExpectedToken}</c> is accepted; otherwise any non-empty bearer.</summary>
    public string? ExpectedToken { get; set; }

    public static async Task<FakeBotConnector> StartAsync(string? expectedToken = null)
    {
        var fake = new FakeBotConnector { ExpectedToken = expectedToken };
        fake._server = await LoopbackServer.StartAsync(app => app.Run(fake.HandleAsync));
        fake.ServiceUrl = fake._server.Url("/teams/").AbsoluteUri;
        return fake;
    }

    /// <summary>Completes once every call received so far has been answered (a delayed one included).</summary>
    public Task IdleAsync() => _server.IdleAsync();

    /// <summary>A Workflows-style webhook URL (with a sig parameter) recording posts under <paramref name="id"/>.</summary>
    public string WebhookUrl(string id) => new Uri(new Uri(ServiceUrl), $"/webhook/{Uri.EscapeDataString(id)}?api-version=1&sig=fake").AbsoluteUri;

    /// <summary>The next <paramref name="count"/> calls answer <paramref name="status"/> with a Connector error body.</summary>
    public void FailNext(HttpStatusCode status, int count = 1, TimeSpan? retryAfter = null)
    {
        for (var i = 0; i < count; i++)
        {
            _faults.Enqueue(new Fault(status, retryAfter, Delay: null));
        }
    }

    /// <summary>The next <paramref name="count"/> calls wait <paramref name="delay"/> before being handled normally.</summary>
    public void DelayNext(TimeSpan delay, int count = 1)
    {
        for (var i = 0; i < count; i++)
        {
            _faults.Enqueue(new Fault(null, null, delay));
        }
    }

    public IReadOnlyList<ConnectorCall> Calls => Locked(() => _calls.ToList());

    /// <summary>Activities in <paramref name="conversationId"/> (decoded), oldest first; updates replace in place.</summary>
    public IReadOnlyList<FakeBotActivity> Activities(string conversationId) =>
        Locked(() => _activities.Where(a => a.ConversationId == conversationId).ToList());

    public IReadOnlyList<WebhookPost> WebhookPosts(string id) => Locked(() => _webhookPosts.Where(p => p.WebhookId == id).ToList());

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    private async Task HandleAsync(HttpContext context)
    {
        var rawTarget = context.Features.Get<IHttpRequestFeature>()!.RawTarget;
        var rawPath = rawTarget.Split('?', 2)[0];
        var body = await ReadBodyAsync(context.Request);
        var authorization = context.Request.Headers.Authorization.ToString();
        Locked(() =>
        {
            _calls.Add(new ConnectorCall(context.Request.Method, rawPath, authorization.Length > 0 ? authorization : null, context.Request.ContentType, body));
            return 0;
        });

        if (_faults.TryDequeue(out var fault))
        {
            if (fault.Delay is { } delay)
            {
                await Task.Delay(delay, context.RequestAborted);
            }

            if (fault.Status is { } status)
            {
                if (fault.RetryAfter is { } retryAfter)
                {
                    context.Response.Headers.RetryAfter = ((int)retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                }

                await ErrorAsync(context, status, status.ToString());
                return;
            }
        }

        var segments = rawPath.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToArray();
        if (segments is ["webhook", var webhookId] && context.Request.Method == "POST")
        {
            Locked(() =>
            {
                _webhookPosts.Add(new WebhookPost(webhookId, context.Request.ContentType, body));
                return 0;
            });
            context.Response.StatusCode = StatusCodes.Status202Accepted;
            return;
        }

        if (!Authorized(authorization))
        {
            await ErrorAsync(context, HttpStatusCode.Unauthorized, "Unauthorized");
            return;
        }

        await RouteAsync(context, segments, body);
    }

    private async Task RouteAsync(HttpContext context, string[] segments, JsonNode? body)
    {
        var method = context.Request.Method;
        switch (segments)
        {
            case ["teams", "v3", "conversations", var conversation, "activities"] when method == "POST" && body is JsonObject activity:
                await context.Response.WriteAsJsonAsync(new { id = Add(conversation, replyToId: null, activity) });
                return;
            case ["teams", "v3", "conversations", var conversation, "activities", var replyTo] when method == "POST" && body is JsonObject activity:
                await context.Response.WriteAsJsonAsync(new { id = Add(conversation, replyTo, activity) });
                return;
            case ["teams", "v3", "conversations", var conversation, "activities", var activityId] when method == "PUT" && body is JsonObject activity:
                if (!Replace(conversation, activityId, activity))
                {
                    await ErrorAsync(context, HttpStatusCode.NotFound, "ActivityNotFound");
                    return;
                }

                await context.Response.WriteAsJsonAsync(new { id = activityId });
                return;
            default:
                await ErrorAsync(context, HttpStatusCode.BadRequest, "BadSyntax");
                return;
        }
    }

    private string Add(string conversationId, string? replyToId, JsonObject activity)
    {
        var id = $"1:fake-activity-{Next()}";
        Locked(() =>
        {
            _activities.Add(new FakeBotActivity(conversationId, id, replyToId, activity, Version: 1));
            return 0;
        });
        return id;
    }

    private bool Replace(string conversationId, string activityId, JsonObject activity) => Locked(() =>
    {
        var index = _activities.FindIndex(a => a.ConversationId == conversationId && a.Id == activityId);
        if (index < 0)
        {
            return false;
        }

        var old = _activities[index];
        _activities[index] = old with { Activity = activity, Version = old.Version + 1 };
        return true;
    });

    private bool Authorized(string authorization)
    {
        if (!authorization.StartsWith("Bearer ", StringComparison.Ordinal) || authorization.Length == "Bearer ".Length)
        {
            return false;
        }

        return ExpectedToken is null || authorization == $"Bearer {ExpectedToken}";
    }

    private static async Task<JsonNode?> ReadBodyAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body);
        var text = await reader.ReadToEndAsync();
        try
        {
            return text.Length == 0 ? null : JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static async Task ErrorAsync(HttpContext context, HttpStatusCode status, string code)
    {
        context.Response.StatusCode = (int)status;
        context.Response.Headers["X-Correlating-OperationId"] = "fake-correlation";
        await context.Response.WriteAsJsonAsync(new { error = new { code, message = $"fake connector: {code}" } });
    }

    private long Next() => Interlocked.Increment(ref _counter);

    private T Locked<T>(Func<T> action)
    {
        lock (_gate)
        {
            return action();
        }
    }

    private sealed record Fault(HttpStatusCode? Status, TimeSpan? RetryAfter, TimeSpan? Delay);
}
