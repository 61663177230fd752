namespace TradeAlertBot.Core.Routing;

/// <summary>
/// A destination a story is to be alerted to, the subscribed rule that caused it (shown as "why") and, when the story
/// touches the destination's watch list, the line that says so.
/// </summary>
public sealed record DeliveryTarget(long DestinationId, string RuleName, string? WatchLine = null);
