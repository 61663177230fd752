namespace TradeAlertBot.Storage.Entities;

/// <summary>
/// One admin action from chat, the command line or the web: who (<see cref="Actor"/>: <c>slack:TEAM/USER</c>,
/// <c>teams:TENANT/AAD-ID</c>, <c>web:…</c>, <c>cli</c>), what, on what, and the state before and after as short text.
/// Written in the same <c>SaveChanges</c> as the change it describes; pruned after <c>Admin:AuditRetention</c>.
/// </summary>
public class AuditEntry
{
    public const int ActorLength = 200;
    public const int TargetLength = 300;

    /// <summary>The longest <see cref="Before"/> or <see cref="After"/>; longer text is clipped when recorded.</summary>
    public const int StateLength = 4000;

    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public required string Actor { get; set; }
    public AuditAction Action { get; set; }
    public required string Target { get; set; }
    public string? Before { get; set; }
    public string? After { get; set; }
}
