namespace TradeAlertBot.Slack.Api;

/// <summary>What a failed Slack call means for the caller.</summary>
public enum SlackErrorKind
{
    /// <summary>HTTP 429 (or "ratelimited"): try again after <see cref="SlackApiException.RetryAfter"/>.</summary>
    RateLimited,

    /// <summary>channel_not_found, not_in_channel, is_archived: the destination cannot take messages until someone acts.</summary>
    ChannelUnavailable,

    /// <summary>invalid_auth, not_authed, token_revoked, account_inactive: the workspace's token no longer works.</summary>
    AuthRevoked,

    /// <summary>The message was refused (invalid_blocks, msg_too_long, …): retrying the same payload will not help.</summary>
    BadRequest,

    /// <summary>Network failure, timeout, 5xx or an unreadable answer: worth retrying later.</summary>
    Transient,
}

/// <summary>A Slack Web API call failed; <see cref="Error"/> is Slack's error code (or an HTTP/transport description).</summary>
public sealed class SlackApiException(string method, string error, SlackErrorKind kind, TimeSpan? retryAfter = null, Exception? inner = null)
    : Exception($"slack: {method} failed: {error}", inner)
{
    public string Method { get; } = method;
    public string Error { get; } = error;
    public SlackErrorKind Kind { get; } = kind;
    public TimeSpan? RetryAfter { get; } = retryAfter;
}
