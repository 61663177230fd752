using Hangfire;
using Microsoft.EntityFrameworkCore;
using TradeAlertBot.Commands;
using TradeAlertBot.Slack.Api;
using TradeAlertBot.Storage;
using TradeAlertBot.Storage.Queries;

namespace TradeAlertBot.SlackApp;

/// <summary>Runs a slow command (or a button's follow-up) in the background and posts the answer to its response_url.</summary>
[AutomaticRetry(Attempts = 3)]
public sealed class SlackReplyJob(CommandHandler handler, LookupCommands lookup, TradeAlertDbContext db, ISlackApi slack)
{
    public async Task RunAsync(SlackCommandRequest request, CancellationToken ct)
    {
        var reply = await handler.HandleAsync(request.Context, request.Text, ct);
        await slack.PostToResponseUrlAsync(new Uri(request.ResponseUrl!), SlackReplies.ToMessage(reply), ct);
    }

    /// <summary>The "More" button under search results: the next page.</summary>
    public async Task MoreResultsAsync(string query, int offset, string responseUrl, CancellationToken ct)
    {
        var reply = await lookup.SearchAsync(query, offset, ct);
        await slack.PostToResponseUrlAsync(new Uri(responseUrl), SlackReplies.ToMessage(reply), ct);
    }

    /// <summary>An alert's "More like this": the latest stories of the alert's first category.</summary>
    public async Task MoreLikeThisAsync(SlackCommandRequest request, long storyId, CancellationToken ct)
    {
        var category = await db.Stories.FirstCategoryAsync(storyId, ct);
        await RunAsync(request with { Text = category is null ? "latest" : "latest " + category }, ct);
    }
}
