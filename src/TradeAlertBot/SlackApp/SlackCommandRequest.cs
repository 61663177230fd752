using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using TradeAlertBot.Commands;
using TradeAlertBot.Core.Alerts;
using TradeAlertBot.Slack;

namespace TradeAlertBot.SlackApp;

/// <summary>
/// The fields of a slash command the bot uses, from the HTTP form or a Socket Mode payload (same names). Plain
/// strings, so a Hangfire job can carry it.
/// </summary>
public sealed record SlackCommandRequest(string TeamId, string ChannelId, string UserId, string Text, string? ResponseUrl)
{
    public CommandContext Context => new(DestinationKind.Slack, DestinationKind.Slack, SlackAddress.Of(TeamId, ChannelId), UserId, TeamId.Length > 0 ? TeamId : null);

    public static SlackCommandRequest? FromForm(byte[] body)
    {
        var form = QueryHelpers.ParseQuery(System.Text.Encoding.UTF8.GetString(body));
        string Field(string name) => form.TryGetValue(name, out var value) ? value.ToString() : "";
        return From(Field("team_id"), Field("channel_id"), Field("user_id"), Field("text"), Field("response_url"));
    }

    public static SlackCommandRequest? FromJson(JsonElement payload)
    {
        string Field(string name) => payload.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "";
        return From(Field("team_id"), Field("channel_id"), Field("user_id"), Field("text"), Field("response_url"));
    }

    private static SlackCommandRequest? From(string team, string channel, string user, string text, string responseUrl) =>
        channel.Length == 0 || user.Length == 0
            ? null
            : new SlackCommandRequest(team, channel, user, text, responseUrl.Length > 0 ? responseUrl : null);
}
