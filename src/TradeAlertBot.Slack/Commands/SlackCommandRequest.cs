using System.Text.Json;
using System.Web;

namespace TradeAlertBot.Slack.Commands;

/// <summary>
/// The fields of a slash command the bot uses, from the HTTP form or a Socket Mode payload (same names,
/// https://api.slack.com/interactivity/slash-commands#app_command_handling).
/// </summary>
public sealed record SlackCommandRequest(string TeamId, string ChannelId, string UserId, string Text, string? ResponseUrl)
{
    public static SlackCommandRequest? FromForm(byte[] body)
    {
        var form = HttpUtility.ParseQueryString(System.Text.Encoding.UTF8.GetString(body));
        string Field(string name) => form[name] ?? "";
        return From(Field("team_id"), Field("channel_id"), Field("user_id"), Field("text"), Field("response_url"));
    }

    public static SlackCommandRequest? FromJson(JsonElement payload)
    {
        string Field(string name) => SlackJson.Str(payload, name);
        return From(Field("team_id"), Field("channel_id"), Field("user_id"), Field("text"), Field("response_url"));
    }

    private static SlackCommandRequest? From(string team, string channel, string user, string text, string responseUrl) =>
        channel.Length == 0 || user.Length == 0
            ? null
            : new SlackCommandRequest(team, channel, user, text, responseUrl.Length > 0 ? responseUrl : null);
}
