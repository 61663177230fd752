using TradeAlertBot.Core.Extraction;
using TradeAlertBot.Core.Routing;

namespace TradeAlertBot.Core.Tests.Routing;

public sealed class SubscriptionRouterTests
{
    private static readonly ExtractedFacts VietnameseSteel = FactExtractor.Extract(
        "US slaps 25% tariffs on Vietnamese steel", "Steel from Vietnam under HS 7208 faces new duties.", new DateOnly(2025, 4, 3));

    private static readonly RoutedSubscription[] Subscriptions =
    [
        new(1, new SubscriptionFilter("new-tariffs")),
        new(1, new SubscriptionFilter("export-controls")),
        new(2, new SubscriptionFilter("new-tariffs", Country: "VN")),
        new(3, new SubscriptionFilter("new-tariffs", Country: "CN")),
        new(4, new SubscriptionFilter("export-controls")),
        new(5, new SubscriptionFilter("export-controls")),
        new(5, new SubscriptionFilter("new-tariffs", Product: "steel")),
    ];

    public static TheoryData<string, string[], long[], string[]> Cases => new()
    {
        { "a tariff story reaches every matching destination once, not one narrowed to a country it lacks", ["new-tariffs"], [], ["1:new-tariffs", "2:new-tariffs", "5:new-tariffs"] },
        { "the first matching subscription names the rule", ["export-controls", "new-tariffs"], [], ["1:new-tariffs", "2:new-tariffs", "4:export-controls", "5:export-controls"] },
        { "a destination the story already went to is skipped", ["new-tariffs"], [1, 5], ["2:new-tariffs"] },
        { "a story in no subscribed category goes nowhere", ["tariff-exemptions"], [], [] },
        { "no categories, no targets", [], [], [] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_story_goes_to_each_matching_destination_once(string because, string[] categories, long[] served, string[] expected)
    {
        var targets = SubscriptionRouter.Route(categories, VietnameseSteel, Subscriptions, served.ToHashSet());

        Assert.True(expected.SequenceEqual(targets.Select(t => $"{t.DestinationId}:{t.RuleName}")),
            $"{because}: got [{string.Join(", ", targets.Select(t => $"{t.DestinationId}:{t.RuleName}"))}]");
    }
}
