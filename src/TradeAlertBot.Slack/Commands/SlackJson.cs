using System.Text.Json;

namespace TradeAlertBot.Slack.Commands;

/// <summary>Lenient reads of Slack's JSON payloads: a missing or non-string field is "".</summary>
public static class SlackJson
{
    public static string Str(JsonElement json, string name) =>
        json.ValueKind == JsonValueKind.Object && json.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : "";

    /// <summary>A string field of an object field (<c>user.id</c>), or "".</summary>
    public static string Str(JsonElement json, string parent, string name) =>
        json.ValueKind == JsonValueKind.Object && json.TryGetProperty(parent, out var inner) ? Str(inner, name) : "";
}
