using System.Text.Json;
using System.Text.RegularExpressions;

namespace TradeAlertBot.Slack.Commands;

/// <summary>An @mention of the bot ("@TradeAlertBot latest"): the command text without the mention, and where to answer.</summary>
public sealed partial record SlackMention(string TeamId, string ChannelId, string UserId, string Text, string ThreadTs)
{
    /// <summary>The mention in an <c>app_mention</c> event, or null when it names no channel or user.</summary>
    public static SlackMention? From(string teamId, JsonElement e)
    {
        var channel = SlackJson.Str(e, "channel");
        var user = SlackJson.Str(e, "user");
        if (channel.Length == 0 || user.Length == 0)
        {
            return null;
        }

        var thread = SlackJson.Str(e, "thread_ts") is { Length: > 0 } t ? t : SlackJson.Str(e, "ts");
        return new SlackMention(teamId, channel, user, LeadingMention().Replace(SlackJson.Str(e, "text"), "").Trim(), thread);
    }

    [GeneratedRegex(@"^\s*<@[UW][A-Z0-9]+(?:\|[^>]*)?>")]
    private static partial Regex LeadingMention();
}
