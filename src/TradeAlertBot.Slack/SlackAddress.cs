namespace TradeAlertBot.Slack;

/// <summary>
/// A Slack channel destination's address: the workspace and the channel, <c>T0123/C0456</c>. Channel ids are only
/// meaningful inside their workspace (and a shared channel appears in several), so a destination, its token and its
/// commands are bound to the pair. An address without a team (a row from single-workspace days) is the bare channel.
/// </summary>
public static class SlackAddress
{
    public static string Of(string? teamId, string channelId) =>
        string.IsNullOrEmpty(teamId) ? channelId : $"{teamId}/{channelId}";

    public static (string? TeamId, string ChannelId) Parse(string address) =>
        address.IndexOf('/') is var slash and > 0 ? (address[..slash], address[(slash + 1)..]) : (null, address);
}
