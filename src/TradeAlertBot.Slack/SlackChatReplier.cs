using TradeAlertBot.Core.Alerts;
using TradeAlertBot.Core.Commands;
using TradeAlertBot.Slack.Api;
using TradeAlertBot.Slack.Blocks;

namespace TradeAlertBot.Slack;

/// <summary>
/// Answers in Slack: through the request's response_url when it has one (slash commands and clicks; ephemeral unless
/// the reply is public; SlackApiClient posts only to Slack's own hosts), else with chat.postMessage in the
/// mentioning message's thread.
/// </summary>
public sealed class SlackChatReplier(SlackTokens tokens, ISlackApi slack) : IChatReplier
{
    public string Platform => DestinationKind.Slack;

    public async Task ReplyAsync(CommandContext context, ReplyTarget target, CommandReply reply, CancellationToken ct)
    {
        if (target.Url is { } responseUrl)
        {
            await slack.PostToResponseUrlAsync(new Uri(responseUrl), SlackReplies.ToMessage(reply), ct);
            return;
        }

        var channel = target.Conversation ?? throw new InvalidOperationException("slack: a reply needs a response_url or a channel");
        var token = await tokens.GetAsync(context.TeamId ?? "", ct);
        await slack.PostMessageAsync(token, SlackReplies.ToMessage(reply, channel, target.MessageId) with { ResponseType = null }, ct);
    }
}
