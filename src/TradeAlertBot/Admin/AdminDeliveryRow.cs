using TradeAlertBot.Storage.Entities;

namespace TradeAlertBot.Admin;

/// <summary>One dead or failed outbox row as the admin page lists it.</summary>
public sealed record AdminDeliveryRow(
    long Id, DeliveryState State, int Attempts, string? LastError, string StoryTitle, string DestinationKind, string DestinationAddress);
