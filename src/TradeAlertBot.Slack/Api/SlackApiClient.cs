using System.Buffers;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using TradeAlertBot.Slack.Api.Responses;
using TradeAlertBot.Core.IO;

namespace TradeAlertBot.Slack.Api;

/// <summary>
/// <see cref="ISlackApi"/> over a plain <see cref="HttpClient"/> (https://api.slack.com/web): every call is a POST
/// with the token in <c>Authorization: Bearer</c>, never in the body or query string. Write methods send JSON;
/// conversations.history and oauth.v2.access send a form, because Slack reads JSON bodies only on write methods
/// (https://api.slack.com/web#posting_json). The client never logs; errors carry the method and Slack's code only.
/// </summary>
public sealed class SlackApiClient(HttpClient http, SlackOptions? options = null) : ISlackApi
{
    /// <summary>Used when a 429 carries no usable Retry-After (https://api.slack.com/apis/rate-limits).</summary>
    public static readonly TimeSpan DefaultRetryAfter = TimeSpan.FromSeconds(30);

    // Relaxed: the bodies go to an API, never into HTML, and escaping every non-ASCII letter only inflates them.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Where Slack's response_urls point (https://api.slack.com/interactivity/handling#message_responses).</summary>
    public static readonly Uri ResponseUrlBase = new("https://hooks.slack.com/");

    private readonly Uri _base = WithTrailingSlash((options ?? new SlackOptions()).ApiBaseUrl);
    private readonly int _maxResponseBytes = (options ?? new SlackOptions()).MaxResponseBytes;

    public async Task<SlackMessageRef> PostMessageAsync(string token, SlackMessage message, CancellationToken ct)
    {
        const string method = "chat.postMessage";
        var channel = RequireChannel(message);
        var reply = await SendAsync(method, token, Json(w =>
        {
            w.WriteString("channel", channel);
            WriteContent(w, message);
            WriteIfSet(w, "thread_ts", message.ThreadTs);
        }), SlackJsonContext.Default.PostMessageReply, ct);
        return new SlackMessageRef(Required(method, "channel", reply.Channel), Required(method, "ts", reply.Ts));
    }

    public async Task UpdateMessageAsync(string token, string channel, string ts, SlackMessage message, CancellationToken ct)
    {
        await SendAsync("chat.update", token, Json(w =>
        {
            w.WriteString("channel", channel);
            w.WriteString("ts", ts);
            WriteContent(w, message);
        }), SlackJsonContext.Default.SlackReply, ct);
    }

    /// <summary>
    /// Messages per conversations.history page. Commercially distributed apps outside the Slack Marketplace created
    /// since 29 May 2025 get at most 15 messages per request and 1 request per minute
    /// (https://docs.slack.dev/changelog/2025/05/29/rate-limit-changes-for-non-marketplace-apps); 15 works for every app.
    /// </summary>
    public const int HistoryPageSize = 15;

    // A cap on pages so a busy window cannot keep one lookup going forever; an unfinished lookup is "not found".
    private const int MaxHistoryPages = 20;

    public async Task<string?> FindMessageByMetadataAsync(
        string token, string channel, string eventType, string key, string value, DateTimeOffset oldest, DateTimeOffset latest, CancellationToken ct)
    {
        // Read-only conversations.* methods take form arguments. Newest first, only the given window (both ends
        // inclusive), a page at a time; a 429 or "ratelimited" throws (RateLimited) instead of answering "not found".
        string? cursor = null;
        for (var page = 0; page < MaxHistoryPages; page++)
        {
            var fields = new List<(string, string)>
            {
                ("channel", channel), ("oldest", SlackTs(oldest)), ("latest", SlackTs(latest)), ("inclusive", "true"),
                ("include_all_metadata", "true"), ("limit", HistoryPageSize.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            };
            if (cursor is not null)
            {
                fields.Add(("cursor", cursor));
            }

            var history = await SendAsync("conversations.history", token, Form([.. fields]), SlackJsonContext.Default.HistoryReply, ct);
            if (history.Messages?.FirstOrDefault(m => m.IsTagged(eventType, key, value)) is { } tagged)
            {
                return tagged.Ts;
            }

            cursor = history.NextCursor;
            if (string.IsNullOrEmpty(cursor))
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>A Slack timestamp: Unix seconds with six decimals, as a string ("1764542400.123456").</summary>
    public static string SlackTs(DateTimeOffset time) =>
        (time.ToUnixTimeMilliseconds() / 1000m).ToString("0.000000", System.Globalization.CultureInfo.InvariantCulture);

    public async Task<SlackInstall> ExchangeOAuthCodeAsync(string clientId, string clientSecret, string code, string? redirectUri, CancellationToken ct)
    {
        // Slack accepts the client credentials as form fields or HTTP Basic (https://api.slack.com/methods/oauth.v2.access).
        const string method = "oauth.v2.access";
        var fields = new List<(string, string)> { ("client_id", clientId), ("client_secret", clientSecret), ("code", code) };
        if (redirectUri is not null)
        {
            fields.Add(("redirect_uri", redirectUri));
        }

        var reply = await SendAsync(method, bearer: null, Form([.. fields]), SlackJsonContext.Default.OAuthAccessReply, ct);
        return new SlackInstall(
            reply.Team?.Id ?? "", reply.Team?.Name ?? "", Required(method, "access_token", reply.AccessToken), reply.BotUserId ?? "", reply.Scope ?? "");
    }

    public async Task<Uri> OpenSocketModeConnectionAsync(string appToken, CancellationToken ct)
    {
        const string method = "apps.connections.open";
        var reply = await SendAsync(method, appToken, Form(), SlackJsonContext.Default.ConnectionsOpenReply, ct);
        return Uri.TryCreate(Required(method, "url", reply.Url), UriKind.Absolute, out var uri)
            ? uri
            : throw new SlackApiException(method, "response url is not absolute", SlackErrorKind.Transient);
    }

    public async Task PostToResponseUrlAsync(Uri responseUrl, SlackMessage message, CancellationToken ct)
    {
        // The URL comes inside the request (or a button payload): only Slack's own hosts get our answer, so a
        // forged or altered response_url cannot make the bot post to an arbitrary (or internal) address.
        if (!IsSlackResponseUrl(responseUrl))
        {
            throw new SlackApiException("response_url", "not a Slack response_url (https://hooks.slack.com/ only)", SlackErrorKind.BadRequest);
        }

        // The response_url itself authorises the post (https://api.slack.com/interactivity/handling#message_responses).
        await SendAsync("response_url", responseUrl, bearer: null, Json(w =>
        {
            WriteContent(w, message);
            WriteIfSet(w, "response_type", message.ResponseType);
            WriteIfSet(w, "thread_ts", message.ThreadTs);
            w.WriteBoolean("replace_original", message.ReplaceOriginal);
        }), plainOkAllowed: true, ct);
    }

    /// <summary>True for https://hooks.slack.com/… and, for tests against a fake, URLs on the configured API base's host.</summary>
    public bool IsSlackResponseUrl(Uri url) =>
        url.IsAbsoluteUri && string.IsNullOrEmpty(url.UserInfo)
        && (IsUnder(url, ResponseUrlBase) || IsUnder(url, new Uri(_base, "/")));

    private static bool IsUnder(Uri url, Uri root) =>
        url.Scheme == root.Scheme && string.Equals(url.Host, root.Host, StringComparison.OrdinalIgnoreCase) && url.Port == root.Port
        && url.AbsolutePath.StartsWith(root.AbsolutePath, StringComparison.Ordinal);

    /// <summary>A Web API method call whose successful answer is read as <typeparamref name="T"/>.</summary>
    private async Task<T> SendAsync<T>(string method, string? bearer, HttpContent content, JsonTypeInfo<T> reply, CancellationToken ct)
        where T : class
    {
        var bytes = await SendAsync(method, new Uri(_base, method), bearer, content, plainOkAllowed: false, ct);
        return Read(bytes, reply) ?? throw new SlackApiException(method, "unreadable response", SlackErrorKind.Transient);
    }

    /// <summary>Sends and returns the body of a successful answer; every failure throws <see cref="SlackApiException"/>.</summary>
    private async Task<byte[]> SendAsync(string method, Uri url, string? bearer, HttpContent content, bool plainOkAllowed, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        HttpStatusCode status;
        TimeSpan? retryAfter;
        byte[] bytes;
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            status = response.StatusCode;
            retryAfter = response.Headers.RetryAfter?.Delta;
            await using var stream = await response.Content.ReadAsStreamAsync(ct);
            bytes = await CappedRead.ReadAsync(stream, _maxResponseBytes, ct)
                ?? throw new SlackApiException(method, $"answer exceeds {_maxResponseBytes} bytes", SlackErrorKind.Transient);
        }
        catch (OperationCanceledException e) when (!ct.IsCancellationRequested)
        {
            throw new SlackApiException(method, "timed out", SlackErrorKind.Transient, inner: e);
        }
        catch (HttpRequestException e)
        {
            throw new SlackApiException(method, $"transport error ({e.HttpRequestError})", SlackErrorKind.Transient, inner: e);
        }

        Interpret(method, status, retryAfter, bytes, plainOkAllowed);
        return bytes;
    }

    /// <summary>Throws unless the answer is a success: HTTP 2xx with <c>"ok": true</c> (or a plain "ok" where allowed).</summary>
    private static void Interpret(string method, HttpStatusCode status, TimeSpan? retryAfter, byte[] bytes, bool plainOkAllowed)
    {
        var code = (int)status;
        if (status == HttpStatusCode.TooManyRequests)
        {
            throw new SlackApiException(method, "http 429", SlackErrorKind.RateLimited, RetryAfterOrDefault(retryAfter));
        }

        if (code >= 500 || status == HttpStatusCode.RequestTimeout)
        {
            throw new SlackApiException(method, $"http {code}", SlackErrorKind.Transient);
        }

        var ok = code is >= 200 and < 300;

        // Not JSON (a plain-text response_url answer, a proxy's error page) or JSON without "ok": judged by status.
        var envelope = Read(bytes, SlackJsonContext.Default.SlackReply);
        if (envelope?.Ok is not { } replyOk)
        {
            if (ok && plainOkAllowed)
            {
                // response_url answers a plain "ok", like incoming webhooks (https://api.slack.com/messaging/webhooks).
                return;
            }

            // response_url failures are plain-text codes such as "expired_url" or "used_url".
            var text = ok ? "" : PlainError(bytes);
            throw ok
                ? new SlackApiException(method, "unreadable response", SlackErrorKind.Transient)
                : new SlackApiException(method, text.Length > 0 ? text : $"http {code}", SlackErrorKind.BadRequest);
        }

        if (replyOk && ok)
        {
            return;
        }

        var error = envelope.Error ?? $"http {code}";
        var kind = KindOf(error);
        throw new SlackApiException(method, error, kind, kind == SlackErrorKind.RateLimited ? RetryAfterOrDefault(retryAfter) : null);
    }

    /// <summary>How a Slack error code (https://api.slack.com/methods/chat.postMessage#errors) should be handled.</summary>
    public static SlackErrorKind KindOf(string error) => error switch
    {
        "channel_not_found" or "not_in_channel" or "is_archived" or "channel_is_archived" => SlackErrorKind.ChannelUnavailable,
        "invalid_auth" or "not_authed" or "token_revoked" or "account_inactive" or "token_expired" => SlackErrorKind.AuthRevoked,
        "ratelimited" or "rate_limited" => SlackErrorKind.RateLimited,
        "internal_error" or "fatal_error" or "service_unavailable" or "request_timeout" => SlackErrorKind.Transient,
        _ => SlackErrorKind.BadRequest,
    };

    private static TimeSpan RetryAfterOrDefault(TimeSpan? retryAfter) =>
        retryAfter is { } delta && delta > TimeSpan.Zero ? delta : DefaultRetryAfter;

    private static string PlainError(byte[] bytes)
    {
        var text = Encoding.UTF8.GetString(bytes.AsSpan(0, Math.Min(bytes.Length, 100))).Trim();
        return text.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-') ? text : "";
    }

    private static string RequireChannel(SlackMessage message) =>
        string.IsNullOrEmpty(message.Channel)
            ? throw new ArgumentException("slack: a message to post needs a Channel", nameof(message))
            : message.Channel;

    private static void WriteContent(Utf8JsonWriter w, SlackMessage message)
    {
        w.WriteString("text", message.Text);
        if (message.Blocks is not null)
        {
            w.WritePropertyName("blocks");
            message.Blocks.WriteTo(w);
        }

        if (message.Metadata is not null)
        {
            w.WritePropertyName("metadata");
            message.Metadata.WriteTo(w);
        }
    }

    private static void WriteIfSet(Utf8JsonWriter w, string name, string? value)
    {
        if (value is not null)
        {
            w.WriteString(name, value);
        }
    }

    private static ByteArrayContent Json(Action<Utf8JsonWriter> writeProperties)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writeProperties(writer);
            writer.WriteEndObject();
        }

        var content = new ByteArrayContent(buffer.WrittenSpan.ToArray());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return content;
    }

    private static FormUrlEncodedContent Form(params (string Name, string Value)[] fields) =>
        new(fields.Select(f => KeyValuePair.Create(f.Name, f.Value)));

    // An answer of the wrong shape (not JSON, not an object, a field of another type) reads as none.
    private static T? Read<T>(byte[] bytes, JsonTypeInfo<T> type)
    {
        try
        {
            return bytes.Length == 0 ? default : JsonSerializer.Deserialize(bytes, type);
        }
        catch (JsonException)
        {
            return default;
        }
    }

    private static string Required(string method, string name, string? value) =>
        string.IsNullOrEmpty(value) ? throw new SlackApiException(method, $"response has no {name}", SlackErrorKind.Transient) : value;

    private static Uri WithTrailingSlash(Uri uri) =>
        uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
}
