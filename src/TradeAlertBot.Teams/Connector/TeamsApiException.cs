using System.Net;

namespace TradeAlertBot.Teams.Connector;

/// <summary>What a failed Bot Connector or Workflows webhook call means for the caller.</summary>
public enum TeamsErrorKind
{
    /// <summary>HTTP 429: try again after <see cref="TeamsApiException.RetryAfter"/>, or back off exponentially when it is null.</summary>
    RateLimited,

    /// <summary>HTTP 403/404: the bot was removed from the conversation or team (or the webhook's flow is gone).</summary>
    BotRemoved,

    /// <summary>HTTP 401: the Connector refused our token (wrong app id/secret, tenant, or an expired token).</summary>
    AuthFailed,

    /// <summary>Any other 4xx (413 MessageSizeTooBig, malformed activity): retrying the same payload will not help.</summary>
    BadRequest,

    /// <summary>5xx, 408/412, a timeout, a network failure or an unreadable answer: worth retrying later.</summary>
    Transient,
}

/// <summary>
/// A Teams call failed. <see cref="Error"/> is the Connector's <c>error.code</c> when it sent one
/// (https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-connector-api-reference#errorresponse-object),
/// else an HTTP/transport description; <see cref="CorrelationId"/> is <c>X-Correlating-OperationId</c> for Microsoft support.
/// </summary>
public sealed class TeamsApiException(
    string operation,
    string error,
    TeamsErrorKind kind,
    HttpStatusCode? status = null,
    TimeSpan? retryAfter = null,
    string? correlationId = null,
    Exception? inner = null)
    : Exception($"teams: {operation} failed: {error}", inner)
{
    public string Operation { get; } = operation;
    public string Error { get; } = error;
    public TeamsErrorKind Kind { get; } = kind;
    public HttpStatusCode? Status { get; } = status;
    public TimeSpan? RetryAfter { get; } = retryAfter;
    public string? CorrelationId { get; } = correlationId;
}
