using System.Text.Json.Nodes;

namespace TradeAlertBot.TestFakes;

/// <summary>An activity the fake Connector holds: its id, the activity it replies to, and the body as last sent.</summary>
public sealed record FakeBotActivity(string ConversationId, string Id, string? ReplyToId, JsonObject Activity, int Version);
