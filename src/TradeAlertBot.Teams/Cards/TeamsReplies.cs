using System.Text.Json.Nodes;
using TradeAlertBot.Core.Commands;

namespace TradeAlertBot.Teams.Cards;

/// <summary>
/// Turns a platform-neutral <see cref="CommandReply"/> into a Teams message activity: markdown text
/// (<see cref="TeamsReplyMarkup"/>), and buttons as an Adaptive Card of Action.Submit whose data carries the action
/// id and value back (<see cref="ChatActions"/>).
/// </summary>
public static class TeamsReplies
{
    public static JsonObject ToActivity(CommandReply reply)
    {
        var activity = new JsonObject { ["type"] = "message", ["textFormat"] = "markdown", ["text"] = TeamsReplyMarkup.Render(reply.Blocks) };
        if (reply.Buttons is { Count: > 0 } buttons)
        {
            activity["attachments"] = new JsonArray(new JsonObject
            {
                ["contentType"] = AlertCard.ContentType,
                ["content"] = new JsonObject
                {
                    ["type"] = "AdaptiveCard",
                    ["$schema"] = AlertCard.Schema,
                    ["version"] = AlertCard.Version,
                    ["body"] = new JsonArray(),
                    ["actions"] = new JsonArray([.. buttons.Select(b => (JsonNode)new JsonObject
                    {
                        ["type"] = "Action.Submit",
                        ["title"] = ChatText.Clip(b.Label, 75),
                        ["data"] = new JsonObject { ["action"] = b.ActionId, [ChatActions.DataKey(b.ActionId)] = b.Value },
                    })]),
                },
            });
        }

        return activity;
    }
}
