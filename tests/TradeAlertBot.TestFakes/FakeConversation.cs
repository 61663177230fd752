using System.Text.Json.Nodes;

namespace TradeAlertBot.TestFakes;

/// <summary>A conversation created through POST /v3/conversations, with the ConversationParameters it was created from.</summary>
public sealed record FakeConversation(string Id, JsonObject Parameters);
