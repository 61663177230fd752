using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using TradeAlertBot.Core.IO;

namespace TradeAlertBot.Teams.Connector;

/// <summary>
/// The HTTP plumbing the Connector and Workflows clients share: one serialization (also what the card size budget
/// measures), URL checks, and one status → <see cref="TeamsErrorKind"/> mapping.
/// </summary>
internal static class TeamsHttp
{
    // Relaxed: bodies go to an API, never into HTML; escaping every non-ASCII letter as \uXXXX would triple their size
    // against the 28 KB card budget.
    public static readonly JsonSerializerOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// Largest answer read from the Bot Connector, a Workflows webhook or the token endpoint: their answers are a few
    /// hundred bytes (an id, an error code, a token), so anything near this is a misbehaving or hostile server.
    /// </summary>
    public const int MaxResponseBytes = 256 * 1024;

    /// <summary>The response body, read up to <see cref="MaxResponseBytes"/>; null when it is longer.</summary>
    public static async Task<byte[]?> ReadCappedAsync(HttpResponseMessage response, CancellationToken ct)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(ct);
        return await CappedRead.ReadAsync(stream, MaxResponseBytes, ct);
    }

    public static byte[] Serialize(JsonNode node) => Encoding.UTF8.GetBytes(node.ToJsonString(JsonOptions));

    /// <summary>
    /// An absolute https URL (http only on loopback, for local fakes): a bearer token or a webhook signature must not
    /// travel in clear text. Anything else is the caller's bug, so it throws before any request is made.
    /// </summary>
    public static Uri RequireSafeUrl(string url, string parameter)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri)
            || string.IsNullOrEmpty(uri.Host)
            || !(uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback)))
        {
            throw new ArgumentException($"teams: {parameter} must be an absolute https URL", parameter);
        }

        return uri;
    }

    public static async Task<byte[]> SendAsync(HttpClient http, HttpRequestMessage request, string operation, TimeProvider time, CancellationToken ct)
    {
        HttpStatusCode status;
        byte[] body;
        TimeSpan? retryAfter;
        string? correlationId;
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            status = response.StatusCode;
            retryAfter = RetryAfter(response, time);
            correlationId = response.Headers.TryGetValues("X-Correlating-OperationId", out var values) ? values.FirstOrDefault() : null;
            body = await ReadCappedAsync(response, ct)
                ?? throw new TeamsApiException(operation, $"answer exceeds {MaxResponseBytes} bytes", TeamsErrorKind.Transient);
        }
        catch (OperationCanceledException e) when (!ct.IsCancellationRequested)
        {
            throw new TeamsApiException(operation, "timed out", TeamsErrorKind.Transient, inner: e);
        }
        catch (HttpRequestException e)
        {
            throw new TeamsApiException(operation, $"transport error ({e.HttpRequestError})", TeamsErrorKind.Transient, inner: e);
        }

        var code = (int)status;
        if (code is >= 200 and < 300)
        {
            return body;
        }

        var error = $"http {code}" + (ErrorCode(body) is { } c ? $" {c}" : "");
        throw new TeamsApiException(operation, error, KindOf(status), status, status == HttpStatusCode.TooManyRequests ? retryAfter : null, correlationId);
    }

    /// <summary>
    /// Status → kind. 412, 502 and 504 are listed as retryable next to 429
    /// (https://learn.microsoft.com/microsoftteams/platform/bots/how-to/rate-limit); 403/404 mean the bot (or the flow)
    /// is no longer in the conversation.
    /// </summary>
    public static TeamsErrorKind KindOf(HttpStatusCode status) => (int)status switch
    {
        429 => TeamsErrorKind.RateLimited,
        401 => TeamsErrorKind.AuthFailed,
        403 or 404 => TeamsErrorKind.BotRemoved,
        408 or 412 => TeamsErrorKind.Transient,
        >= 400 and < 500 => TeamsErrorKind.BadRequest,
        _ => TeamsErrorKind.Transient,
    };

    /// <summary>The <c>id</c> of a ResourceResponse / ConversationResourceResponse.</summary>
    public static string RequiredId(byte[] body, string operation)
    {
        try
        {
            if (JsonNode.Parse(body) is JsonObject o && o["id"] is JsonValue v && v.TryGetValue<string>(out var id) && id.Length > 0)
            {
                return id;
            }
        }
        catch (JsonException)
        {
            // Judged below: a 2xx without a readable id.
        }

        throw new TeamsApiException(operation, "response has no id", TeamsErrorKind.Transient);
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response, TimeProvider time)
    {
        // Retry-After is delta-seconds or an HTTP date (RFC 9110 §10.2.3); Teams' use of it is not documented, so honour either.
        if (response.Headers.RetryAfter is not { } header)
        {
            return null;
        }

        if (header.Delta is { } delta)
        {
            return delta;
        }

        if (header.Date is { } date)
        {
            var wait = date - time.GetUtcNow();
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }

    private static string? ErrorCode(byte[] body)
    {
        // {"error":{"code":"...","message":"..."}}; the message may quote our content, so only the code is kept.
        try
        {
            return body.Length > 0
                && JsonNode.Parse(body) is JsonObject o
                && o["error"] is JsonObject e
                && e["code"] is JsonValue v
                && v.TryGetValue<string>(out var code)
                && code.Length is > 0 and <= 100
                ? code
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
