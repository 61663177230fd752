using System.Text.Json;
using System.Text.RegularExpressions;

namespace TradeAlertBot.Teams.Activities;

/// <summary>
/// The parts of an inbound Bot Framework activity the bot uses, read leniently from its JSON. The user is their Entra
/// (AAD) object id and tenant — never <c>from.id</c>, a channel-scoped id any Bot Framework channel fills in as it likes;
/// users @mentioned in the text are identified by their mention entities, not by the visible name.
/// </summary>
public sealed partial record TeamsActivity(
    string Type,
    string? Id,
    string ChannelId,
    string ServiceUrl,
    string ConversationId,
    string? ConversationType,
    string? TenantId,
    string? UserId,
    string? Text,
    JsonElement? Value,
    string? Action,
    bool BotAdded,
    bool BotRemoved,
    string? TeamName,
    string? ChannelName,
    IReadOnlyDictionary<string, string>? MentionedUsers = null)
{
    public static TeamsActivity? Parse(JsonElement json)
    {
        string? Str(JsonElement e, params string[] path)
        {
            foreach (var name in path)
            {
                if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty(name, out e))
                {
                    return null;
                }
            }

            return e.ValueKind == JsonValueKind.String ? e.GetString() : null;
        }

        var type = Str(json, "type");
        var serviceUrl = Str(json, "serviceUrl");
        var conversation = Str(json, "conversation", "id");
        if (type is null || serviceUrl is null || conversation is null)
        {
            return null;
        }

        var botId = Str(json, "recipient", "id");
        bool Lists(string name) => json.TryGetProperty(name, out var members) && members.ValueKind == JsonValueKind.Array
            && members.EnumerateArray().Any(m => Str(m, "id") == botId);
        var action = Str(json, "action");
        return new TeamsActivity(
            type,
            Str(json, "id"),
            Str(json, "channelId") ?? "",
            serviceUrl,
            conversation,
            Str(json, "conversation", "conversationType"),
            Str(json, "channelData", "tenant", "id") ?? Str(json, "conversation", "tenantId"),
            Str(json, "from", "aadObjectId"),
            Str(json, "text"),
            json.TryGetProperty("value", out var value) && value.ValueKind == JsonValueKind.Object ? value.Clone() : null,
            action,
            (type == "installationUpdate" && action is "add" or "add-upgrade") || Lists("membersAdded"),
            (type == "installationUpdate" && action is "remove" or "remove-upgrade") || Lists("membersRemoved"),
            Str(json, "channelData", "team", "name"),
            Str(json, "channelData", "channel", "name"),
            UserMentions(json, botId, Str));
    }

    // Mention entities of users other than the bot: {"type":"mention","mentioned":{"id","name","aadObjectId"},"text":"<at>Name</at>"}
    // (https://learn.microsoft.com/microsoftteams/platform/bots/how-to/conversations/channel-and-group-conversations).
    private static Dictionary<string, string>? UserMentions(JsonElement json, string? botId, Func<JsonElement, string[], string?> str)
    {
        if (!json.TryGetProperty("entities", out var entities) || entities.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var users = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entity in entities.EnumerateArray())
        {
            if (str(entity, ["type"]) == "mention" && str(entity, ["text"]) is { } text && str(entity, ["mentioned", "aadObjectId"]) is { } aad
                && str(entity, ["mentioned", "id"]) != botId)
            {
                users.TryAdd(text, aad);
            }
        }

        return users.Count > 0 ? users : null;
    }

    /// <summary>
    /// The command text: the message without the bot's &lt;at&gt;Bot&lt;/at&gt; mention and markup; another user's
    /// mention becomes their AAD object id (so <c>admin add @maria</c> names whom the entity says, whatever the name reads).
    /// </summary>
    public string CommandText => Tags().Replace(
        Mentions().Replace(Text ?? "", m => MentionedUsers is { } users && users.TryGetValue(m.Value, out var aad) ? $" {aad} " : " "), " ")
        .Replace("&nbsp;", " ").Trim();

    [GeneratedRegex("<at>.*?</at>", RegexOptions.Singleline)]
    private static partial Regex Mentions();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();
}
