namespace TradeAlertBot.Storage.Entities;

/// <summary>A chat user granted admin commands with <c>admin add</c> (admins from settings are not stored).</summary>
public class ChatAdmin
{
    public long Id { get; set; }

    /// <summary>"slack" or "teams".</summary>
    public required string Platform { get; set; }
    public required string UserId { get; set; }

    /// <summary>
    /// Where the user id is valid: the Slack workspace (team id) or the Teams tenant id. An admin counts only there;
    /// a row without one (stored before admins were bound) counts nowhere.
    /// </summary>
    public string? TeamId { get; set; }
    public string? AddedBy { get; set; }
    public DateTimeOffset AddedAt { get; set; }
}
