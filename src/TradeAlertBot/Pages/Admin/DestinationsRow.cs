using TradeAlertBot.Audit;
using TradeAlertBot.Storage.Entities;

namespace TradeAlertBot.Pages.Admin;

/// <summary>One destination as the destinations page shows it, with its outbox rows waiting: held (mute, quiet hours, digest, storm) and pending.</summary>
public sealed record DestinationsRow(Destination Destination, int Held, int Pending)
{
    public string Name => DeliveriesQuery.Describe(Destination.Kind, Destination.Address, Destination.Name);

    /// <summary>The hold settings in the words the audit log uses ("none" when all are off).</summary>
    public string Settings => AuditTargets.ChannelSettings(Destination);

    /// <summary>A subscription's filters in <c>subscribe</c>'s words ("country:VN hs:7208"); empty for none.</summary>
    public static string Filters(Subscription s) => AuditTargets.Subscription(s)[s.RuleName.Length..].Trim();
}
