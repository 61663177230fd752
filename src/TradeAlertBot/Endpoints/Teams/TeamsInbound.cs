using Hangfire;
using Microsoft.EntityFrameworkCore;
using TradeAlertBot.Commands;
using TradeAlertBot.Core.Alerts;
using TradeAlertBot.Core.Commands;
using TradeAlertBot.Storage;
using TradeAlertBot.Storage.Entities;
using TradeAlertBot.Teams.Activities;
using TradeAlertBot.Teams.Connector;

namespace TradeAlertBot.Endpoints.Teams;

/// <summary>
/// What a validated activity means: an install stores the conversation reference (for proactive alerts), an
/// uninstall pauses its destination, a message or a card button runs a command and replies in the conversation.
/// </summary>
public sealed class TeamsInbound(
    TradeAlertDbContext db, CommandJob commands, IBackgroundJobClient jobs, TimeProvider time, ILogger<TeamsInbound> logger)
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

        if (TeamsCommandRequests.From(activity) is not { } request)
        {
            return;
        }

        await RememberAsync(activity, ct); // a message also proves the bot is there, and refreshes the service URL
        if (request.ActionId is not null && request.Parse() is null)
        {
            logger.LogDebug("teams: ignored card action");
            return;
        }

        // Clicks and scans answer later from a job; quick commands answer at once.
        if (request.ActionId is not null || request.IsSlow)
        {
            CommandJob.Enqueue(jobs, request);
            return;
        }

        await commands.RunAsync(request, ct);
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
