using System.Text.RegularExpressions;

namespace TradeAlertBot.Core.Commands;

/// <summary>
/// Reads the mention syntax chat platforms put in command text: Slack's <c>&lt;@U123|name&gt;</c> and
/// <c>&lt;#C123|name&gt;</c>, or a bare id.
/// </summary>
public static partial class ChatMentions
{
    /// <summary>The user id in <c>&lt;@U123ABC|name&gt;</c> or <c>&lt;@U123ABC&gt;</c>, or a bare id (U…/W…); else null.</summary>
    public static string? UserId(string text)
    {
        var match = UserMention().Match(text.Trim());
        return match.Success ? match.Groups["id"].Value : null;
    }

    /// <summary>The channel id in <c>&lt;#C123|name&gt;</c>; else null.</summary>
    public static string? ChannelId(string text)
    {
        var match = ChannelMention().Match(text.Trim());
        return match.Success ? match.Groups["id"].Value : null;
    }

    [GeneratedRegex(@"^(?:<@(?<id>[UW][A-Z0-9]+)(?:\|[^>]*)?>|(?<id>[UW][A-Z0-9]{2,}))$")]
    private static partial Regex UserMention();

    [GeneratedRegex(@"^<#(?<id>[CGD][A-Z0-9]+)(?:\|[^>]*)?>$")]
    private static partial Regex ChannelMention();
}
