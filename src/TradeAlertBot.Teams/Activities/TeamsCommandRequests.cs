using System.Text.Json;
using TradeAlertBot.Core.Alerts;
using TradeAlertBot.Core.Commands;

namespace TradeAlertBot.Teams.Activities;

/// <summary>
/// A Teams message activity as one <see cref="CommandRequest"/>: its text with the bot's @mention removed, or the
/// data of an Adaptive Card <c>Action.Submit</c> button (an alert's "Mute rule" / "More like this", "More" under
/// search results). Either way the answer goes to the activity's conversation, as a reply to it.
/// </summary>
public static class TeamsCommandRequests
{
    /// <summary>The command of a message activity, or null when it carries none (not a message, no sender).</summary>
    public static CommandRequest? From(TeamsActivity activity)
    {
        if (activity.Type != "message" || activity.UserId is null)
        {
            return null;
        }

        var context = new CommandContext(DestinationKind.Teams, DestinationKind.Teams, activity.ConversationId, activity.UserId, activity.TenantId);
        var replyTo = new ReplyTarget(activity.ServiceUrl, activity.ConversationId, activity.Id);
        if (activity.Value is not { } data)
        {
            return new CommandRequest(context, activity.CommandText, replyTo);
        }

        var action = Field(data, "action");
        return CommandRequest.Click(context, action, Field(data, ChatActions.DataKey(action)), replyTo);
    }

    private static string Field(JsonElement data, string name) =>
        data.ValueKind == JsonValueKind.Object && data.TryGetProperty(name, out var value)
            ? value.ValueKind == JsonValueKind.String ? value.GetString()! : value.ToString()
            : "";
}
