using TradeAlertBot.Core.Extraction;
using TradeAlertBot.Core.Watching;

namespace TradeAlertBot.Core.Routing;

/// <summary>
/// Which destinations a story goes to: every destination with a subscription that matches the story's categories
/// and this report's facts, or a watch-list subscription whose list the facts touch, once each (its first matching
/// subscription names the rule), except those it already went to. Each target carries its watch-list line when the
/// report touches the destination's list, whatever subscription brought it.
/// </summary>
public static class SubscriptionRouter
{
    public static IReadOnlyList<DeliveryTarget> Route(
        IReadOnlyCollection<string> categories,
        ExtractedFacts facts,
        IEnumerable<RoutedSubscription> subscriptions,
        IReadOnlySet<long> alreadyServed,
        IReadOnlyDictionary<long, WatchList>? watchLists = null)
    {
        var targets = new List<DeliveryTarget>();
        var lines = new Dictionary<long, string?>();
        foreach (var subscription in subscriptions)
        {
            var destination = subscription.DestinationId;
            if (alreadyServed.Contains(destination) || targets.Exists(t => t.DestinationId == destination))
            {
                continue;
            }

            if (!lines.TryGetValue(destination, out var line))
            {
                lines[destination] = line = watchLists?.GetValueOrDefault(destination)?.Line(facts);
            }

            if (subscription.Filter.IsWatchList ? line is not null : subscription.Filter.Matches(categories, facts))
            {
                targets.Add(new DeliveryTarget(destination, subscription.Filter.RuleName, line));
            }
        }

        return targets;
    }
}
