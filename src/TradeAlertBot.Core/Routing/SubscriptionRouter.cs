using TradeAlertBot.Core.Extraction;

namespace TradeAlertBot.Core.Routing;

/// <summary>
/// Which destinations a story goes to: every destination with a subscription that matches the story's categories
/// and this report's facts, once each (its first matching subscription names the rule), except those it already
/// went to.
/// </summary>
public static class SubscriptionRouter
{
    public static IReadOnlyList<DeliveryTarget> Route(
        IReadOnlyCollection<string> categories,
        ExtractedFacts facts,
        IEnumerable<RoutedSubscription> subscriptions,
        IReadOnlySet<long> alreadyServed)
    {
        var targets = new List<DeliveryTarget>();
        foreach (var subscription in subscriptions)
        {
            if (subscription.Filter.Matches(categories, facts)
                && !alreadyServed.Contains(subscription.DestinationId)
                && !targets.Exists(t => t.DestinationId == subscription.DestinationId))
            {
                targets.Add(new DeliveryTarget(subscription.DestinationId, subscription.Filter.RuleName));
            }
        }

        return targets;
    }
}
