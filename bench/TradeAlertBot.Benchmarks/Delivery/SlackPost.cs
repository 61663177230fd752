using System.Text.Json.Nodes;

namespace TradeAlertBot.Benchmarks.Delivery;

/// <summary>One accepted chat.postMessage: its delivery id (metadata) if any, and how many alerts a digest carried.</summary>
internal sealed record SlackPost(
    string Channel, string Ts, string Text, string? DeliveryId, string? ThreadTs, int DigestCount, long ReceivedAt, JsonNode? Metadata);
