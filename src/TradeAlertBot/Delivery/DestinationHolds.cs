using TradeAlertBot.Core.Routing;
using TradeAlertBot.Storage.Entities;

namespace TradeAlertBot.Deliveries;

/// <summary>Reads a stored destination's hold settings for the pure <see cref="HoldPolicy"/> in Core.</summary>
public static class DestinationHolds
{
    public static HoldSettings Holds(this Destination destination) => new(
        destination.MutedUntil, destination.QuietHours, destination.TimeZone,
        destination.StormUntil, destination.Digest, destination.NextDigestAt);

    public static TimeZoneInfo Zone(this Destination destination) => HoldPolicy.ZoneOf(destination.TimeZone);
}
