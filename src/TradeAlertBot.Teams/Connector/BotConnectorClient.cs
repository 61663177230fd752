using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using TradeAlertBot.Teams.Auth;

namespace TradeAlertBot.Teams.Connector;

/// <summary>
/// <see cref="IBotConnector"/> over a plain <see cref="HttpClient"/>: JSON bodies, the token from
/// <see cref="ITeamsTokenProvider"/> in <c>Authorization: Bearer</c>. Conversation and activity ids are percent-encoded
/// as path segments (Teams ids contain ':', '@', ';' and '='). The caller's activity is never modified.
/// </summary>
public sealed class BotConnectorClient(HttpClient http, ITeamsTokenProvider tokens, TimeProvider? time = null) : IBotConnector
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    public async Task<string> SendToConversationAsync(string serviceUrl, string conversationId, JsonObject activity, CancellationToken ct)
    {
        const string operation = "send";
        var body = await SendAsync(operation, HttpMethod.Post, Url(serviceUrl, Conversation(conversationId), "activities"), activity, ct);
        return TeamsHttp.RequiredId(body, operation);
    }

    public async Task<string> ReplyToActivityAsync(string serviceUrl, string conversationId, string replyToId, JsonObject activity, CancellationToken ct)
    {
        const string operation = "reply";
        var reply = (JsonObject)activity.DeepClone();
        reply["replyToId"] = replyToId;
        var url = Url(serviceUrl, Conversation(conversationId), "activities", Activity(replyToId));
        var body = await SendAsync(operation, HttpMethod.Post, url, reply, ct);
        return TeamsHttp.RequiredId(body, operation);
    }

    public async Task UpdateActivityAsync(string serviceUrl, string conversationId, string activityId, JsonObject activity, CancellationToken ct)
    {
        // The Connector wants the activity's id in the body as well as in the path.
        var update = (JsonObject)activity.DeepClone();
        update["id"] = activityId;
        var url = Url(serviceUrl, Conversation(conversationId), "activities", Activity(activityId));
        await SendAsync("update", HttpMethod.Put, url, update, ct);
    }

    private async Task<byte[]> SendAsync(string operation, HttpMethod method, Uri url, JsonObject body, CancellationToken ct)
    {
        var token = await tokens.GetTokenAsync(ct);
        using var request = new HttpRequestMessage(method, url) { Content = new ByteArrayContent(TeamsHttp.Serialize(body)) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await TeamsHttp.SendAsync(http, request, operation, _time, ct);
    }

    /// <summary>{serviceUrl}/v3/conversations[/segments…]; serviceUrl may or may not end in '/' (Teams' does: …/teams/).</summary>
    private static Uri Url(string serviceUrl, params string[] escapedSegments)
    {
        var root = TeamsHttp.RequireSafeUrl(serviceUrl, nameof(serviceUrl)).GetLeftPart(UriPartial.Path).TrimEnd('/');
        var path = escapedSegments.Length == 0 ? "" : "/" + string.Join('/', escapedSegments);
        return new Uri($"{root}/v3/conversations{path}");
    }

    private static string Conversation(string id) => Segment(id, "conversationId");

    private static string Activity(string id) => Segment(id, "activityId");

    private static string Segment(string id, string name) =>
        string.IsNullOrEmpty(id) ? throw new ArgumentException($"teams: {name} is empty", name) : Uri.EscapeDataString(id);
}
