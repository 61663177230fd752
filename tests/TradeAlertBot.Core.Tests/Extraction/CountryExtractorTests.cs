using TradeAlertBot.Core.Extraction;

namespace TradeAlertBot.Core.Tests.Extraction;

public class CountryExtractorTests
{
    [Theory]
    [InlineData("Chinese steel makers", "CN")]
    [InlineData("Beijing retaliated on Friday", "CN")]
    [InlineData("the U.S. said", "US")]
    [InlineData("the US said", "US")]
    [InlineData("Washington imposed", "US")]
    [InlineData("the United States and", "US")]
    [InlineData("Brussels responded", "EU")]
    [InlineData("the European Union", "EU")]
    [InlineData("British carmakers", "GB")]
    [InlineData("South Korea and", "KR")]
    [InlineData("Viet Nam exports", "VN")]
    [InlineData("Ottawa said", "CA")]
    [InlineData("New Delhi said", "IN")]
    [InlineData("Turkey will impose", "TR")]
    public void Names_adjectives_and_capitals_map_to_iso_codes(string text, string code)
    {
        Assert.Equal([code], CountryExtractor.Extract(text));
    }

    [Theory]
    [InlineData("let us know")]
    [InlineData("fine china plates")]
    [InlineData("a roast turkey")]
    [InlineData("USD rates")]
    public void Lower_case_lookalikes_are_not_countries(string text)
    {
        Assert.Empty(CountryExtractor.Extract(text));
    }

    [Fact]
    public void Countries_come_in_order_of_first_mention_without_repeats()
    {
        var facts = FactExtractor.Extract("US hits China", "Beijing said Washington and the EU were wrong; China vowed to respond.", new DateOnly(2025, 4, 3));

        Assert.Equal(["US", "CN", "EU"], facts.Countries);
    }
}
