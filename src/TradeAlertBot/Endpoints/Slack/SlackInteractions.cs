using System.Text.Json;
using Hangfire;
using TradeAlertBot.Commands;
using TradeAlertBot.Core.Commands;
using TradeAlertBot.Slack.Commands;

namespace TradeAlertBot.Endpoints.Slack;

/// <summary>
/// Button clicks (block_actions): "More" under search results, and an alert's "Mute rule" and "More like this".
/// Each is answered through the click's response_url by <see cref="CommandJob"/>, so the click is acknowledged at once.
/// </summary>
public sealed class SlackInteractions(IBackgroundJobClient jobs, ILogger<SlackInteractions> logger)
{
    public void Handle(JsonElement payload)
    {
        if (SlackInteraction.From(payload) is not { } click || click.ResponseUrl.Length == 0 || click.UserId.Length == 0)
        {
            return; // e.g. "Open article": a link button needs only the ack
        }

        // Muting and "more like this" act on the channel the alert is in; paging a search needs none.
        var needsChannel = click.ActionId is ChatActions.MuteRule or ChatActions.MoreLikeThis;
        var request = SlackCommandRequests.From(click);
        if ((needsChannel && click.ChannelId.Length == 0) || request.Parse() is null)
        {
            logger.LogDebug("slack: ignored action {Action}", click.ActionId);
            return;
        }

        CommandJob.Enqueue(jobs, request);
    }
}
