using TradeAlertBot.Core.Routing;
using TradeAlertBot.Storage.Entities;

namespace TradeAlertBot.Outbox;

/// <summary>
/// Whether a new alert to a destination waits, why and until when: a mute, quiet hours, a storm or a digest
/// schedule. Held alerts are never dropped: <see cref="Jobs.HeldAlertsJob"/> sends them together when the hold ends.
/// </summary>
public static class HoldPolicy
{
    public sealed record Hold(string Reason, DateTimeOffset Until);

    /// <summary>The hold in force now (not counting a storm that this alert would start), or null.</summary>
    public static Hold? Current(Destination destination, DateTimeOffset now)
    {
        if (destination.MutedUntil is { } muted && muted > now)
        {
            return new Hold("mute", muted);
        }

        if (QuietHours.TryParse(destination.QuietHours)?.EndIfQuiet(now, ZoneOf(destination)) is { } quietEnd)
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

    public static TimeZoneInfo ZoneOf(Destination destination) =>
        destination.TimeZone is { } id && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;
}
