using System.Text.Json;
using System.Text.Json.Nodes;

namespace TradeAlertBot.Slack.SocketMode;

/// <summary>
/// Handles one Socket Mode envelope's payload — the same payload the HTTP endpoints receive (a slash command's
/// fields as a JSON object, an interaction, an Events API callback) — and returns what the ack carries back
/// (a message for slash commands; null for a bare ack).
/// </summary>
public interface ISlackEnvelopeHandler
{
    /// <param name="type">"slash_commands", "interactive" or "events_api".</param>
    Task<JsonObject?> HandleAsync(string type, JsonElement payload, CancellationToken ct);
}
