using TradeAlertBot.Storage;
using TradeAlertBot.Storage.Entities;

namespace TradeAlertBot.Audit;

/// <summary>
/// The one place admin actions are written down. <see cref="Stage"/> adds the entry to the caller's context, so the
/// caller's next <c>SaveChanges</c> stores it together with the change it describes (both or neither);
/// <see cref="RecordAsync"/> saves at once, for actions that change nothing else (sign-ins).
/// </summary>
public sealed class AuditLog(TradeAlertDbContext db, TimeProvider time)
{
    public AuditEntry Stage(AuditActor actor, AuditAction action, string target, string? before = null, string? after = null)
    {
        var entry = new AuditEntry
        {
            At = time.GetUtcNow(),
            Actor = Clip(actor.Id, AuditEntry.ActorLength)!,
            Action = action,
            Target = Clip(target, AuditEntry.TargetLength)!,
            Before = Clip(before, AuditEntry.StateLength),
            After = Clip(after, AuditEntry.StateLength),
        };
        db.AuditLog.Add(entry);
        return entry;
    }

    /// <summary>A channel's mute, quiet hours or digest changed from <paramref name="before"/> (<see cref="AuditTargets.ChannelSettings"/>).</summary>
    public void StageSettings(AuditActor actor, Destination destination, string before) =>
        Stage(actor, AuditAction.ChannelSettings, AuditTargets.Destination(destination), before, AuditTargets.ChannelSettings(destination));

    /// <summary>A paused destination resumes (chat, the admin page and the CLI); call before <c>Resume()</c> clears the reason.</summary>
    public void StageResume(AuditActor actor, Destination destination) =>
        Stage(actor, AuditAction.Resume, AuditTargets.Destination(destination), "paused: " + destination.PausedReason, "resumed");

    public async Task RecordAsync(AuditActor actor, AuditAction action, string target, string? before, string? after, CancellationToken ct)
    {
        Stage(actor, action, target, before, after);
        await db.SaveChangesAsync(ct);
    }

    // Long queries and URLs are clipped to their columns, never refused: the change itself must not fail for its record.
    private static string? Clip(string? text, int length) => text is null || text.Length <= length ? text : text[..(length - 1)] + "…";
}
