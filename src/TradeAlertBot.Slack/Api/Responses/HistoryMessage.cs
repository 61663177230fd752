using System.Text.Json;

namespace TradeAlertBot.Slack.Api.Responses;

/// <summary>A message in a history page: its ts and the metadata it was posted with, if any.</summary>
internal sealed record HistoryMessage(string? Ts, HistoryMessage.Tag? Metadata)
{
    /// <summary>True when the metadata has <paramref name="eventType"/> and its payload's <paramref name="key"/> is <paramref name="value"/>.</summary>
    public bool IsTagged(string eventType, string key, string value) =>
        Metadata is { } tag && tag.EventType == eventType
        && tag.EventPayload?.GetValueOrDefault(key) is { } field
        && (field.ValueKind == JsonValueKind.String ? field.GetString() : field.GetRawText()) == value;

    public sealed record Tag(string? EventType, Dictionary<string, JsonElement>? EventPayload);
}
