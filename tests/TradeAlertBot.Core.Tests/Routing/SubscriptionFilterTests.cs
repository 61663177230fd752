using TradeAlertBot.Core.Extraction;
using TradeAlertBot.Core.Routing;

namespace TradeAlertBot.Core.Tests.Routing;

public class SubscriptionFilterTests
{
    private static readonly ExtractedFacts VietnameseSteel = FactExtractor.Extract(
        "US slaps 25% tariffs on Vietnamese steel", "Steel from Vietnam under HS 7208 faces new duties.", new DateOnly(2025, 4, 3));

    [Theory]
    [InlineData("new-tariffs", null, null, null, true)]
    [InlineData("export-controls", null, null, null, false)]
    [InlineData("new-tariffs", "VN", null, null, true)]
    [InlineData("new-tariffs", "vn", "steel", null, true)]
    [InlineData("new-tariffs", "CN", null, null, false)]
    [InlineData("new-tariffs", null, "aluminium", null, false)]
    [InlineData("new-tariffs", null, null, "7208", true)]
    [InlineData("new-tariffs", null, null, "72", true)]
    [InlineData("new-tariffs", null, null, "8541", false)]
    public void A_subscription_takes_only_its_rule_narrowed_by_country_product_and_hs_code(
        string rule, string? country, string? product, string? hs, bool expected)
    {
        var filter = new SubscriptionFilter(rule, country, product, hs);

        Assert.Equal(expected, filter.Matches(["new-tariffs"], VietnameseSteel));
    }
}
