using System.Text.Json;
using Hangfire;
using TradeAlertBot.Commands;

namespace TradeAlertBot.SlackApp;

/// <summary>
/// Button clicks (block_actions): "More" under search results, and an alert's "Mute rule" and "More like this".
/// Each answers through the click's response_url from a job, so the click is acknowledged at once.
/// </summary>
public sealed class SlackInteractions(IBackgroundJobClient jobs, ILogger<SlackInteractions> logger)
{
    public Task HandleAsync(JsonElement payload, CancellationToken ct)
    {
        if (SlackEndpoints.Str(payload, "type") != "block_actions"
            || !payload.TryGetProperty("actions", out var actions) || actions.ValueKind != JsonValueKind.Array || actions.GetArrayLength() == 0)
        {
            return Task.CompletedTask;
        }

        var action = actions[0];
        var responseUrl = SlackEndpoints.Str(payload, "response_url");
        var user = payload.TryGetProperty("user", out var u) ? SlackEndpoints.Str(u, "id") : "";
        var team = Team(payload);
        var channel = payload.TryGetProperty("channel", out var c) ? SlackEndpoints.Str(c, "id") : "";
        var value = SlackEndpoints.Str(action, "value");
        if (responseUrl.Length == 0 || user.Length == 0)
        {
            return Task.CompletedTask; // e.g. "Open article": a link button needs only the ack
        }

        switch (SlackEndpoints.Str(action, "action_id"))
        {
            case "search_more" when value.IndexOf('|') is var bar and > 0 && int.TryParse(value[..bar], out var offset):
                var query = value[(bar + 1)..];
                jobs.Enqueue<SlackReplyJob>(Jobs.JobQueues.Queries, job => job.MoreResultsAsync(query, offset, responseUrl, CancellationToken.None));
                break;
            case "mute_rule" when value.Length > 0 && channel.Length > 0:
                Enqueue(new SlackCommandRequest(team, channel, user, "unsubscribe " + value, responseUrl));
                break;
            case "more_like_this" when channel.Length > 0 && long.TryParse(value, out var storyId):
                var request = new SlackCommandRequest(team, channel, user, "latest", responseUrl);
                jobs.Enqueue<SlackReplyJob>(Jobs.JobQueues.Interactive, job => job.MoreLikeThisAsync(request, storyId, CancellationToken.None));
                break;
            default:
                logger.LogDebug("slack: ignored action {Action}", SlackEndpoints.Str(action, "action_id"));
                break;
        }

        return Task.CompletedTask;
    }

    /// <summary>The workspace of a click: <c>team.id</c>, or the user's <c>team_id</c> when the app is org-installed (team is null).</summary>
    public static string Team(JsonElement payload) =>
        payload.TryGetProperty("team", out var t) && SlackEndpoints.Str(t, "id") is { Length: > 0 } team ? team
        : payload.TryGetProperty("user", out var u) ? SlackEndpoints.Str(u, "team_id") : "";

    private void Enqueue(SlackCommandRequest request) => jobs.Enqueue<SlackReplyJob>(Jobs.JobQueues.Interactive, job => job.RunAsync(request, CancellationToken.None));
}
