using Hangfire;
using TradeAlertBot.Commands;
using TradeAlertBot.Slack;
using TradeAlertBot.Slack.Api;
using TradeAlertBot.Core.Alerts;

namespace TradeAlertBot.SlackApp;

/// <summary>Answers an @mention in the mentioning message's thread (events must be acked first, so this runs as a job).</summary>
[AutomaticRetry(Attempts = 3)]
public sealed class SlackMentionJob(CommandHandler handler, SlackTokens tokens, ISlackApi slack)
{
    public async Task RunAsync(SlackMention mention, CancellationToken ct)
    {
        var reply = await handler.HandleAsync(new CommandContext(DestinationKind.Slack, DestinationKind.Slack, SlackAddress.Of(mention.TeamId, mention.ChannelId), mention.UserId, mention.TeamId.Length > 0 ? mention.TeamId : null), mention.Text, ct);
        var token = await tokens.GetAsync(mention.TeamId, ct);
        await slack.PostMessageAsync(token, SlackReplies.ToMessage(reply, mention.ChannelId, mention.ThreadTs) with { ResponseType = null }, ct);
    }
}
