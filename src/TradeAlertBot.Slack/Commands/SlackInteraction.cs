using System.Text.Json;

namespace TradeAlertBot.Slack.Commands;

/// <summary>
/// A button click (<c>block_actions</c>, https://api.slack.com/reference/interaction-payloads/block-actions): the first
/// action's id and value, who clicked where, and the response_url to answer through.
/// </summary>
public sealed record SlackInteraction(string TeamId, string ChannelId, string UserId, string ActionId, string Value, string ResponseUrl)
{
    /// <summary>The click, or null for another payload type or one without an action.</summary>
    public static SlackInteraction? From(JsonElement payload)
    {
        if (SlackJson.Str(payload, "type") != "block_actions"
            || !payload.TryGetProperty("actions", out var actions) || actions.ValueKind != JsonValueKind.Array || actions.GetArrayLength() == 0)
        {
            return null;
        }

        var action = actions[0];
        return new SlackInteraction(
            Team(payload), SlackJson.Str(payload, "channel", "id"), SlackJson.Str(payload, "user", "id"),
            SlackJson.Str(action, "action_id"), SlackJson.Str(action, "value"), SlackJson.Str(payload, "response_url"));
    }

    /// <summary>The workspace of a click: <c>team.id</c>, or the user's <c>team_id</c> when the app is org-installed (team is null).</summary>
    public static string Team(JsonElement payload) =>
        SlackJson.Str(payload, "team", "id") is { Length: > 0 } team ? team : SlackJson.Str(payload, "user", "team_id");
}
