namespace TradeAlertBot.Core.Routing;

/// <summary>A destination's subscription, as routing sees it.</summary>
public sealed record RoutedSubscription(long DestinationId, SubscriptionFilter Filter);
