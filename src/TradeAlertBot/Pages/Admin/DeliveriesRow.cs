using TradeAlertBot.Storage.Entities;

namespace TradeAlertBot.Pages.Admin;

/// <summary>One dead or failed outbox row as the deliveries page lists it.</summary>
public sealed record DeliveriesRow(
    long Id, DeliveryState State, int Attempts, string? LastError, DateTimeOffset CreatedAt, string RuleName, string StoryTitle,
    long DestinationId, string DestinationKind, string DestinationAddress, string? DestinationName)
{
    public string StateName => State.ToString().ToLowerInvariant();

    /// <summary>The destination as the pages show it: kind, the address's origin (no secrets), and its name if it has one.</summary>
    public string Destination => DeliveriesQuery.Describe(DestinationKind, DestinationAddress, DestinationName);
}
