using TradeAlertBot.Core.Extraction;
using TradeAlertBot.Core.Routing;
using TradeAlertBot.Core.Watching;

namespace TradeAlertBot.Core.Tests.Routing;

public class SubscriptionRouterWatchListTests
{
    private static readonly ExtractedFacts SolarCells = FactExtractor.Extract(
        "US duties on solar cells", "Imports under HTS 8541.43.00 from China face a 50% tariff.", new DateOnly(2026, 3, 1));

    private static readonly Dictionary<long, WatchList> Lists = new()
    {
        [1] = new WatchList([new WatchEntry("8541", null, null, "solar")]),
        [2] = new WatchList([new WatchEntry("8703", null, null, "cars")]),
        [3] = new WatchList([new WatchEntry("8541", null, null, "solar")]),
    };

    [Fact]
    public void A_watch_list_subscription_brings_a_story_that_touches_the_list_whatever_its_category()
    {
        RoutedSubscription[] subscriptions = [new(1, new SubscriptionFilter("watchlist")), new(2, new SubscriptionFilter("watchlist"))];

        var targets = SubscriptionRouter.Route([], SolarCells, subscriptions, new HashSet<long>(), Lists);

        var target = Assert.Single(targets);
        Assert.Equal(new DeliveryTarget(1, "watchlist", "8541 solar"), target);
    }

    [Fact]
    public void A_category_alert_carries_the_watch_line_of_a_list_it_touches()
    {
        RoutedSubscription[] subscriptions = [new(3, new SubscriptionFilter("new-tariffs")), new(2, new SubscriptionFilter("new-tariffs"))];

        var targets = SubscriptionRouter.Route(["new-tariffs"], SolarCells, subscriptions, new HashSet<long>(), Lists);

        Assert.Equal([new DeliveryTarget(3, "new-tariffs", "8541 solar"), new DeliveryTarget(2, "new-tariffs")], targets);
    }

    [Fact]
    public void A_watch_list_subscription_without_a_list_brings_nothing()
    {
        RoutedSubscription[] subscriptions = [new(9, new SubscriptionFilter("watchlist"))];

        Assert.Empty(SubscriptionRouter.Route(["watchlist"], SolarCells, subscriptions, new HashSet<long>(), Lists));
    }

    [Fact]
    public void A_destination_already_served_is_not_routed_again_by_its_list()
    {
        RoutedSubscription[] subscriptions = [new(1, new SubscriptionFilter("watchlist"))];

        Assert.Empty(SubscriptionRouter.Route([], SolarCells, subscriptions, new HashSet<long> { 1 }, Lists));
    }
}
