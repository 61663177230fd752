using System.Text.Json;

namespace TradeAlertBot.Slack.SocketMode;

/// <summary>
/// One message Slack sends over the Socket Mode WebSocket (https://api.slack.com/apis/socket-mode):
/// <c>{"type":"hello"}</c>, <c>{"type":"disconnect","reason":…}</c>, or an envelope
/// <c>{"envelope_id","type":"slash_commands"|"interactive"|"events_api","payload","accepts_response_payload"}</c>.
/// </summary>
public sealed record SocketModeFrame(string Type, string? EnvelopeId, JsonElement Payload, bool AcceptsResponsePayload, string? Reason)
{
    public const string Hello = "hello";
    public const string Disconnect = "disconnect";

    /// <summary>Envelopes carry an id that the ack must echo; hello and disconnect do not.</summary>
    public bool IsEnvelope => EnvelopeId is not null;

    /// <exception cref="JsonException">The text is not a JSON object with a string "type".</exception>
    public static SocketModeFrame Parse(ReadOnlySpan<byte> utf8Json)
    {
        var reader = new Utf8JsonReader(utf8Json);
        // ParseValue returns an element that owns its memory, so the payload outlives this call.
        var root = JsonElement.ParseValue(ref reader);
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException("socket mode: frame is not a JSON object");
        }

        if (!root.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String)
        {
            throw new JsonException("socket mode: frame has no type");
        }

        return new SocketModeFrame(
            type.GetString()!,
            String(root, "envelope_id"),
            root.TryGetProperty("payload", out var payload) ? payload : default,
            root.TryGetProperty("accepts_response_payload", out var accepts) && accepts.ValueKind == JsonValueKind.True,
            String(root, "reason"));
    }

    private static string? String(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
