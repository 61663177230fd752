using System.Text.Json;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using TradeAlertBot.Commands;
using TradeAlertBot.Storage;
using TradeAlertBot.Storage.Entities;
using TradeAlertBot.Teams.Activities;
using TradeAlertBot.Teams.Connector;
using TradeAlertBot.Core.Alerts;

namespace TradeAlertBot.TeamsApp;

/// <summary>
/// What a validated activity means: an install stores the conversation reference (for proactive alerts), an
/// uninstall pauses its destination, a message or a card button runs a command and replies in the conversation.
/// </summary>
public sealed class TeamsInbound(
    TradeAlertDbContext db, CommandHandler handler, IBotConnector connector, IBackgroundJobClient jobs, TimeProvider time, ILogger<TeamsInbound> logger)
{
    public async Task HandleAsync(TeamsActivity activity, CancellationToken ct)
    {
        if (activity.BotAdded)
        {
            await RememberAsync(activity, ct);
        }

        if (activity.BotRemoved)
        {
            await ForgetAsync(activity, ct);
            return;
        }

        if (activity.Type != "message" || activity.UserId is null)
        {
            return;
        }

        await RememberAsync(activity, ct); // a message also proves the bot is there, and refreshes the service URL
        var request = new TeamsCommandRequest(activity.ServiceUrl, activity.ConversationId, activity.Id, activity.UserId, activity.TenantId, activity.CommandText);
        if (activity.Value is { } value)
        {
            Submit(request, value);
            return;
        }

        if (CommandHandler.IsSlow(request.Text))
        {
            jobs.Enqueue<TeamsCommandJob>(Jobs.JobQueues.Queries, job => job.RunAsync(request, CancellationToken.None));
            return;
        }

        var reply = await handler.HandleAsync(request.Context, request.Text, ct);
        await connector.ReplyToActivityAsync(activity.ServiceUrl, activity.ConversationId, activity.Id ?? "", TeamsReplies.ToActivity(reply), ct);
    }

    // Action.Submit buttons: an alert's "Mute rule" / "More like this", and "More" under search results.
    private void Submit(TeamsCommandRequest request, JsonElement value)
    {
        string Str(string name) => value.TryGetProperty(name, out var v) ? v.ValueKind == JsonValueKind.String ? v.GetString()! : v.ToString() : "";
        switch (Str("action"))
        {
            case "mute_rule" when Str("rule") is { Length: > 0 } rule:
                var mute = request with { Text = "unsubscribe " + rule };
                jobs.Enqueue<TeamsCommandJob>(Jobs.JobQueues.Interactive, job => job.RunAsync(mute, CancellationToken.None));
                break;
            case "more_like_this" when long.TryParse(Str("storyId"), out var storyId):
                jobs.Enqueue<TeamsCommandJob>(Jobs.JobQueues.Interactive, job => job.MoreLikeThisAsync(request, storyId, CancellationToken.None));
                break;
            case "search_more" when Str("value") is var more && more.IndexOf('|') is var bar and > 0 && int.TryParse(more[..bar], out var offset):
                var query = more[(bar + 1)..];
                jobs.Enqueue<TeamsCommandJob>(Jobs.JobQueues.Queries, job => job.MoreResultsAsync(request, query, offset, CancellationToken.None));
                break;
            default:
                logger.LogDebug("teams: ignored card action");
                break;
        }
    }

    private async Task RememberAsync(TeamsActivity activity, CancellationToken ct)
    {
        var conversation = await db.TeamsConversations.FirstOrDefaultAsync(c => c.ConversationId == activity.ConversationId, ct);
        if (conversation is null)
        {
            conversation = new TeamsConversation { ConversationId = activity.ConversationId, ServiceUrl = activity.ServiceUrl, InstalledAt = time.GetUtcNow() };
            db.TeamsConversations.Add(conversation);
            logger.LogInformation("teams: installed in conversation {Conversation} ({Team} / {Channel})",
                activity.ConversationId, activity.TeamName, activity.ChannelName);
        }

        conversation.ServiceUrl = activity.ServiceUrl;
        conversation.TenantId = activity.TenantId ?? conversation.TenantId;
        conversation.ConversationType = activity.ConversationType ?? conversation.ConversationType;
        conversation.TeamName = activity.TeamName ?? conversation.TeamName;
        conversation.ChannelName = activity.ChannelName ?? conversation.ChannelName;
        conversation.RemovedAt = null;

        // Back in a conversation it was removed from: resume its alerts.
        var destination = await db.Destinations.FirstOrDefaultAsync(d => d.Kind == DestinationKind.Teams && d.Address == activity.ConversationId, ct);
        if (destination is { Paused: true })
        {
            destination.Resume();
        }

        await db.SaveChangesAsync(ct);
    }

    private async Task ForgetAsync(TeamsActivity activity, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await db.TeamsConversations.Where(c => c.ConversationId == activity.ConversationId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.RemovedAt, now), ct);
        await db.Destinations.Where(d => d.Kind == DestinationKind.Teams && d.Address == activity.ConversationId)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Paused, true).SetProperty(d => d.PausedReason, "the bot was removed from this conversation").SetProperty(d => d.PausedAt, now), ct);
        logger.LogInformation("teams: removed from conversation {Conversation}; its alerts are held", activity.ConversationId);
    }
}
