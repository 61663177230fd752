using TradeAlertBot.Core.Alerts;
using TradeAlertBot.Core.Commands;

namespace TradeAlertBot.Slack.Commands;

/// <summary>
/// Slack's three ways in — a slash command, an @mention, a button — as one <see cref="CommandRequest"/>. The
/// channel's destination address is bound to its workspace (<see cref="SlackAddress"/>).
/// </summary>
public static class SlackCommandRequests
{
    public static CommandRequest From(SlackCommandRequest request) =>
        new(Context(request.TeamId, request.ChannelId, request.UserId), request.Text, new ReplyTarget(request.ResponseUrl));

    /// <summary>Answered in the mentioning message's thread.</summary>
    public static CommandRequest From(SlackMention mention) =>
        new(Context(mention.TeamId, mention.ChannelId, mention.UserId), mention.Text, new ReplyTarget(null, mention.ChannelId, mention.ThreadTs));

    public static CommandRequest From(SlackInteraction click) =>
        CommandRequest.Click(Context(click.TeamId, click.ChannelId, click.UserId), click.ActionId, click.Value, new ReplyTarget(click.ResponseUrl));

    private static CommandContext Context(string teamId, string channelId, string userId) =>
        new(DestinationKind.Slack, DestinationKind.Slack, SlackAddress.Of(teamId, channelId), userId, teamId.Length > 0 ? teamId : null);
}
