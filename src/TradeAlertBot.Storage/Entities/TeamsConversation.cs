namespace TradeAlertBot.Storage.Entities;

/// <summary>
/// Where the Teams bot is installed: the conversation reference needed to post proactively. The service URL is the
/// one a validated inbound activity carried; the bot only ever sends to those.
/// </summary>
public class TeamsConversation
{
    public long Id { get; set; }
    public required string ConversationId { get; set; }
    public required string ServiceUrl { get; set; }
    public string? TenantId { get; set; }

    /// <summary>"personal", "groupChat" or "channel".</summary>
    public string? ConversationType { get; set; }
    public string? TeamName { get; set; }
    public string? ChannelName { get; set; }
    public DateTimeOffset InstalledAt { get; set; }

    /// <summary>Set when the bot was removed; alerts to it are held (paused), not dropped.</summary>
    public DateTimeOffset? RemovedAt { get; set; }
}
