using Hangfire;
using Microsoft.EntityFrameworkCore;
using TradeAlertBot.Commands;
using TradeAlertBot.Storage;
using TradeAlertBot.Storage.Queries;
using TradeAlertBot.Teams.Connector;

namespace TradeAlertBot.TeamsApp;

/// <summary>Answers a Teams command (a message or a card button) in its conversation, replying to the activity.</summary>
[AutomaticRetry(Attempts = 3)]
public sealed class TeamsCommandJob(CommandHandler handler, LookupCommands lookup, TradeAlertDbContext db, IBotConnector connector)
{
    public async Task RunAsync(TeamsCommandRequest request, CancellationToken ct) =>
        await ReplyAsync(request, await handler.HandleAsync(request.Context, request.Text, ct), ct);

    public async Task MoreResultsAsync(TeamsCommandRequest request, string query, int offset, CancellationToken ct) =>
        await ReplyAsync(request, await lookup.SearchAsync(query, offset, ct), ct);

    public async Task MoreLikeThisAsync(TeamsCommandRequest request, long storyId, CancellationToken ct)
    {
        var category = await db.Stories.FirstCategoryAsync(storyId, ct);
        await RunAsync(request with { Text = category is null ? "latest" : "latest " + category }, ct);
    }

    private Task ReplyAsync(TeamsCommandRequest request, CommandReply reply, CancellationToken ct) =>
        request.ReplyToId is { } replyTo
            ? connector.ReplyToActivityAsync(request.ServiceUrl, request.ConversationId, replyTo, TeamsReplies.ToActivity(reply), ct)
            : connector.SendToConversationAsync(request.ServiceUrl, request.ConversationId, TeamsReplies.ToActivity(reply), ct);
}
