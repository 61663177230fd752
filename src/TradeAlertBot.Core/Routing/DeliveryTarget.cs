namespace TradeAlertBot.Core.Routing;

/// <summary>A destination a story is to be alerted to, and the subscribed rule that caused it (shown as "why").</summary>
public sealed record DeliveryTarget(long DestinationId, string RuleName);
