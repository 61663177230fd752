using System.Text.Json;
using System.Text.RegularExpressions;

namespace TradeAlertBot.TeamsApp;

/// <summary>The parts of an inbound Bot Framework activity the bot uses, read leniently from its JSON.</summary>
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
    string? ChannelName)
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
            Str(json, "from", "aadObjectId") ?? Str(json, "from", "id"),
            Str(json, "text"),
            json.TryGetProperty("value", out var value) && value.ValueKind == JsonValueKind.Object ? value.Clone() : null,
            action,
            (type == "installationUpdate" && action is "add" or "add-upgrade") || Lists("membersAdded"),
            (type == "installationUpdate" && action is "remove" or "remove-upgrade") || Lists("membersRemoved"),
            Str(json, "channelData", "team", "name"),
            Str(json, "channelData", "channel", "name"));
    }

    /// <summary>The command text: the message without its &lt;at&gt;Bot&lt;/at&gt; mention(s) and markup.</summary>
    public string CommandText => Tags().Replace(Mentions().Replace(Text ?? "", " "), " ").Replace("&nbsp;", " ").Trim();

    [GeneratedRegex("<at>.*?</at>", RegexOptions.Singleline)]
    private static partial Regex Mentions();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();
}
