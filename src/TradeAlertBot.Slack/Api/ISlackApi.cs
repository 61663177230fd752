namespace TradeAlertBot.Slack.Api;

/// <summary>
/// The Slack Web API calls the bot makes (https://api.slack.com/web). Every failure — an <c>{"ok":false}</c>
/// envelope, HTTP 429, a transport error — surfaces as <see cref="SlackApiException"/> with a
/// <see cref="SlackErrorKind"/> callers act on. Small on purpose: an SDK could stand behind it later.
/// </summary>
public interface ISlackApi
{
    /// <summary>chat.postMessage; returns the channel and ts of the new message (for threading and updates).</summary>
    Task<SlackMessageRef> PostMessageAsync(string token, SlackMessage message, CancellationToken ct);

    /// <summary>chat.update of the message at <paramref name="ts"/>.</summary>
    Task UpdateMessageAsync(string token, string channel, string ts, SlackMessage message, CancellationToken ct);

    /// <summary>
    /// conversations.history between <paramref name="oldest"/> and <paramref name="latest"/> with metadata: the ts of the
    /// first message whose metadata has <paramref name="eventType"/> and an event_payload field <paramref name="key"/>
    /// equal to <paramref name="value"/>. Pages of at most 15 messages (the limit for apps outside the Marketplace).
    /// </summary>
    Task<string?> FindMessageByMetadataAsync(
        string token, string channel, string eventType, string key, string value, DateTimeOffset oldest, DateTimeOffset latest, CancellationToken ct);

    /// <summary>oauth.v2.access: exchanges an install's code for the workspace's bot token.</summary>
    Task<SlackInstall> ExchangeOAuthCodeAsync(string clientId, string clientSecret, string code, string? redirectUri, CancellationToken ct);

    /// <summary>apps.connections.open with an app-level token: a fresh Socket Mode WebSocket URL.</summary>
    Task<Uri> OpenSocketModeConnectionAsync(string appToken, CancellationToken ct);

    /// <summary>Posts a reply to a slash command's or interaction's response_url (valid 30 minutes, 5 uses).</summary>
    Task PostToResponseUrlAsync(Uri responseUrl, SlackMessage message, CancellationToken ct);
}
