namespace TradeAlertBot.Core.Routing;

/// <summary>
/// Whether a new alert to a destination waits, why and until when: a mute, quiet hours, a storm or a digest
/// schedule. Held alerts are never dropped: the host's held-alerts job sends them together when the hold ends.
/// </summary>
public static class HoldPolicy
{
    /// <summary>The hold in force now (not counting a storm that this alert would start), or null.</summary>
    public static Hold? Current(HoldSettings destination, DateTimeOffset now)
    {
        if (destination.MutedUntil is { } muted && muted > now)
        {
            return new Hold("mute", muted);
        }

        if (QuietHours.TryParse(destination.QuietHours)?.EndIfQuiet(now, ZoneOf(destination.TimeZone)) is { } quietEnd)
        {
            return new Hold("quiet", quietEnd);
        }

        if (destination.StormUntil is { } storm && storm > now)
        {
            return new Hold("storm", storm);
        }

        if (destination.Digest is not null)
        {
            return new Hold("digest", destination.NextDigestAt ?? now);
        }

        return null;
    }

    /// <summary>The destination's time zone for quiet hours and digests; UTC when unset or unknown here.</summary>
    public static TimeZoneInfo ZoneOf(string? timeZone) =>
        timeZone is { } id && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;
}
