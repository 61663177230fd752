using System.Text.Json.Nodes;

namespace TradeAlertBot.TestFakes;

/// <summary>A body posted to the fake Workflows webhook <c>/webhook/{id}</c>.</summary>
public sealed record WebhookPost(string WebhookId, string? ContentType, JsonNode? Body);
