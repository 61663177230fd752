using Hangfire;
using TradeAlertBot.Commands;
using TradeAlertBot.Slack.Api;

namespace TradeAlertBot.SlackApp;

/// <summary>
/// Answers a slash command within Slack's 3 seconds, for HTTP and Socket Mode alike: quick commands inline, slow
/// ones (search, rule test) acknowledged at once and answered through response_url by <see cref="SlackReplyJob"/>.
/// </summary>
public sealed class SlackCommandRunner(CommandHandler handler, IBackgroundJobClient jobs)
{
    public async Task<SlackMessage> RunAsync(SlackCommandRequest request, CancellationToken ct)
    {
        if (CommandHandler.IsSlow(request.Text) && request.ResponseUrl is not null)
        {
            jobs.Enqueue<SlackReplyJob>(Jobs.JobQueues.Queries, job => job.RunAsync(request, CancellationToken.None));
            return new SlackMessage("Working on it…", ResponseType: "ephemeral");
        }

        return SlackReplies.ToMessage(await handler.HandleAsync(request.Context, request.Text, ct));
    }
}
