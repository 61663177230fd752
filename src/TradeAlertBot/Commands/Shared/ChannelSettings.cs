using TradeAlertBot.Audit;
using TradeAlertBot.Commands.Handlers;
using TradeAlertBot.Core.Commands;
using TradeAlertBot.Core.Routing;
using TradeAlertBot.Storage;
using TradeAlertBot.Storage.Entities;

namespace TradeAlertBot.Commands.Shared;

/// <summary>
/// A destination's subscriptions and hold settings changed the one way, from chat (<c>subscribe</c>, <c>unsubscribe</c>,
/// <c>mute</c>, <c>quiet</c>, <c>digest</c>, <c>resume</c>) and the console's destinations page alike: the same checks,
/// the same audit entries. Each change and its entry are staged; the caller saves and words the reply.
/// </summary>
public sealed class ChannelSettings(TradeAlertDbContext db, AuditLog audit)
{
    /// <summary>Adds <paramref name="wanted"/> unless the destination has it already (then false, nothing staged).</summary>
    public bool Subscribe(Destination destination, Subscription wanted, AuditActor actor)
    {
        if (destination.Subscriptions.Any(s => SubscriptionArgs.Same(s, wanted)))
        {
            return false;
        }

        destination.Subscriptions.Add(wanted);
        audit.Stage(actor, AuditAction.Subscribe, AuditTargets.Destination(destination), null, AuditTargets.Subscription(wanted));
        return true;
    }

    /// <summary>Removes the subscription equal to <paramref name="wanted"/>; null when there is none.</summary>
    public Subscription? Unsubscribe(Destination? destination, Subscription wanted, AuditActor actor)
    {
        var existing = destination?.Subscriptions.FirstOrDefault(s => SubscriptionArgs.Same(s, wanted));
        if (existing is null)
        {
            return null;
        }

        db.Subscriptions.Remove(existing);
        audit.Stage(actor, AuditAction.Unsubscribe, AuditTargets.Destination(destination!), AuditTargets.Subscription(existing), null);
        return existing;
    }

    /// <summary><c>30m</c>, <c>2h</c>, <c>1d</c> (at most 7 days) or <c>off</c>; returns the end of the mute (null: off).</summary>
    /// <exception cref="UsageException">Not a duration.</exception>
    public DateTimeOffset? Mute(Destination destination, string arg, DateTimeOffset now, AuditActor actor)
    {
        var before = AuditTargets.ChannelSettings(destination);
        var text = arg.Trim().ToLowerInvariant();
        destination.MutedUntil = text == "off" ? null
            : now + (MuteHandler.ParseDuration(text)
                ?? throw new UsageException($"`{ChatText.Clip(text, 20)}` is not a duration like 30m, 2h or 1d (at most 7d)."));
        audit.StageSettings(actor, destination, before);
        return destination.MutedUntil;
    }

    /// <summary><c>22:00-07:00</c> in <paramref name="zoneId"/> (null: the destination's zone) or <c>off</c> (returns null).</summary>
    /// <exception cref="UsageException">Not a range of hours, or an unknown zone.</exception>
    public QuietHours? Quiet(Destination destination, string arg, string? zoneId, AuditActor actor)
    {
        var before = AuditTargets.ChannelSettings(destination);
        if (arg.Trim() == "off")
        {
            destination.QuietHours = null;
            audit.StageSettings(actor, destination, before);
            return null;
        }

        var hours = QuietHours.TryParse(arg.Trim())
            ?? throw new UsageException("Say `quiet 22:00-07:00` (optionally with a time zone such as Europe/Berlin) or `quiet off`.");
        zoneId ??= destination.TimeZone;
        _ = ChannelDestination.Zone(zoneId); // refuses an unknown zone
        (destination.QuietHours, destination.TimeZone) = (hours.ToString(), zoneId);
        audit.StageSettings(actor, destination, before);
        return hours;
    }

    /// <summary><c>hourly</c>, <c>daily HH:mm</c> in <paramref name="zoneId"/> (null: UTC) or <c>off</c> (returns null).</summary>
    /// <exception cref="UsageException">Not a schedule, or an unknown zone.</exception>
    public DigestSchedule? Digest(Destination destination, string arg, string? zoneId, DateTimeOffset now, AuditActor actor)
    {
        var before = AuditTargets.ChannelSettings(destination);
        if (arg.Trim() == "off")
        {
            // Held alerts go out with HeldAlertsJob's next run, their hold being over.
            (destination.Digest, destination.NextDigestAt) = (null, null);
            audit.StageSettings(actor, destination, before);
            return null;
        }

        var schedule = DigestSchedule.TryParse(arg.Trim())
            ?? throw new UsageException("Say `digest hourly`, `digest daily 09:00` (optionally with a time zone such as Europe/Berlin) or `digest off`.");
        var zone = ChannelDestination.Zone(zoneId);
        (destination.Digest, destination.TimeZone) = (schedule.ToString(), zoneId);
        destination.NextDigestAt = schedule.Next(now, zone);
        audit.StageSettings(actor, destination, before);
        return schedule;
    }

    /// <summary>Lifts a pause (false when the destination is not paused: nothing staged).</summary>
    public bool Resume(Destination? destination, AuditActor actor)
    {
        if (destination is not { Paused: true })
        {
            return false;
        }

        audit.StageResume(actor, destination);
        destination.Resume();
        return true;
    }
}
