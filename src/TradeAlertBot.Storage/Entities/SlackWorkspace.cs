namespace TradeAlertBot.Storage.Entities;

/// <summary>A Slack workspace the app is installed in through OAuth, with its bot token encrypted at rest.</summary>
public class SlackWorkspace
{
    public long Id { get; set; }
    public required string TeamId { get; set; }
    public string? Name { get; set; }

    /// <summary>The bot token, protected with ASP.NET Core Data Protection; never stored in clear.</summary>
    public required string ProtectedBotToken { get; set; }
    public string? BotUserId { get; set; }
    public DateTimeOffset InstalledAt { get; set; }

    /// <summary>Set when Slack refuses the token (invalid_auth, token_revoked): alerts wait until it is reinstalled.</summary>
    public string? BrokenReason { get; set; }
}
