using System.Text.Json;
using System.Text.RegularExpressions;

namespace TradeAlertBot.SlackApp;

/// <summary>An @mention of the bot ("@TradeAlertBot latest"): the command text without the mention, and where to answer.</summary>
public sealed partial record SlackMention(string TeamId, string ChannelId, string UserId, string Text, string ThreadTs)
{
    public static SlackMention? From(string teamId, JsonElement e)
    {
        var channel = SlackEndpoints.Str(e, "channel");
        var user = SlackEndpoints.Str(e, "user");
        if (channel.Length == 0 || user.Length == 0)
        {
            return null;
        }

        var thread = SlackEndpoints.Str(e, "thread_ts") is { Length: > 0 } t ? t : SlackEndpoints.Str(e, "ts");
        return new SlackMention(teamId, channel, user, LeadingMention().Replace(SlackEndpoints.Str(e, "text"), "").Trim(), thread);
    }

    [GeneratedRegex(@"^\s*<@[UW][A-Z0-9]+(?:\|[^>]*)?>")]
    private static partial Regex LeadingMention();
}
