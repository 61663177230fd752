using System.Text.Json.Nodes;

namespace TradeAlertBot.Teams.Connector;

/// <summary>
/// A proactive 1:1 conversation: the bot (<c>28:{AppId}</c>), the user (<c>29:…</c>) and their tenant
/// (https://learn.microsoft.com/microsoftteams/platform/bots/how-to/conversations/send-proactive-messages).
/// </summary>
public sealed record ConversationParameters(string BotId, string UserId, string TenantId)
{
    /// <summary>The ConversationParameters body; isGroup is false because only 1:1 chats are created this way.</summary>
    public JsonObject ToJson() => new()
    {
        ["bot"] = new JsonObject { ["id"] = BotId },
        ["members"] = new JsonArray { new JsonObject { ["id"] = UserId } },
        ["isGroup"] = false,
        ["tenantId"] = TenantId,
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = TenantId } },
    };
}
