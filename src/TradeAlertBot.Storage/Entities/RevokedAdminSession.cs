namespace TradeAlertBot.Storage.Entities;

/// <summary>
/// An admin page session that signed out. Its cookie is refused until <see cref="ExpiresAt"/>, when the cookie would
/// have expired anyway, on every node and after restarts.
/// </summary>
public class RevokedAdminSession
{
    public required string SessionId { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
}
