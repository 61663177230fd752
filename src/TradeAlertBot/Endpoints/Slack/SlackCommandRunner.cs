using Hangfire;
using TradeAlertBot.Commands;
using TradeAlertBot.Slack.Api;
using TradeAlertBot.Slack.Blocks;
using TradeAlertBot.Slack.Commands;

namespace TradeAlertBot.Endpoints.Slack;

/// <summary>
/// Answers a slash command within Slack's 3 seconds, for HTTP and Socket Mode alike: quick commands inline, slow
/// ones (search, rule test) acknowledged at once and answered through response_url by <see cref="CommandJob"/>.
/// </summary>
public sealed class SlackCommandRunner(CommandRouter router, IBackgroundJobClient jobs)
{
    public async Task<SlackMessage> RunAsync(SlackCommandRequest slash, CancellationToken ct)
    {
        var request = SlackCommandRequests.From(slash);
        if (request.IsSlow && slash.ResponseUrl is not null)
        {
            CommandJob.Enqueue(jobs, request);
            return new SlackMessage("Working on it…", ResponseType: "ephemeral");
        }

        return SlackReplies.ToMessage(await router.RunAsync(request.Context, request.Text, ct));
    }
}
