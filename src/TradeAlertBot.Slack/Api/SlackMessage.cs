using System.Text.Json.Nodes;

namespace TradeAlertBot.Slack.Api;

/// <summary>
/// A message payload: <paramref name="Text"/> is always set (the notification and screen-reader fallback when
/// <paramref name="Blocks"/> are present). <paramref name="Channel"/> is required for posting, ignored for
/// response_url replies; <paramref name="ResponseType"/> ("ephemeral" or "in_channel") only applies to those.
/// <paramref name="Metadata"/> is Slack message metadata (<c>event_type</c>, <c>event_payload</c>), kept with the post.
/// </summary>
public sealed record SlackMessage(
    string Text,
    JsonArray? Blocks = null,
    string? Channel = null,
    string? ThreadTs = null,
    string? ResponseType = null,
    bool ReplaceOriginal = false,
    JsonObject? Metadata = null);
