using TradeAlertBot.Core.Extraction;

namespace TradeAlertBot.Core.Tests.Extraction;

public class RateExtractorTests
{
    [Theory]
    [InlineData("a 125% tariff on Chinese goods", "125%", 125, RateUnit.Percent, RateRole.None, true)]
    [InlineData("duties of 125 per cent on steel", "125 per cent", 125, RateUnit.Percent, RateRole.None, true)]
    [InlineData("a 25 percent levy on imports", "25 percent", 25, RateUnit.Percent, RateRole.None, true)]
    [InlineData("tariffs rise by an additional 10 percentage points", "10 percentage points", 10, RateUnit.PercentagePoints, RateRole.None, true)]
    [InlineData("a 35.3% duty on EVs", "35.3%", 35.3, RateUnit.Percent, RateRole.None, true)]
    [InlineData("shares of the company rose 169% this year", "169%", 169, RateUnit.Percent, RateRole.None, false)]
    [InlineData("inflation was 3% in March", "3%", 3, RateUnit.Percent, RateRole.None, false)]
    [InlineData("Shares jumped 12% after the tariff news", "12%", 12, RateUnit.Percent, RateRole.None, false)]
    public void A_rate_is_read_with_its_unit_and_whether_it_is_a_tariff_rate(string text, string written, double value, RateUnit unit, RateRole role, bool tariff)
    {
        var rate = Assert.Single(RateExtractor.Extract(text));

        Assert.Equal(new RateFact(written, (decimal)value, unit, role, tariff), rate);
    }

    [Fact]
    public void From_and_to_rates_are_both_kept_and_marked()
    {
        var rates = RateExtractor.Extract("The tariff will rise from 10% to 25% in June.").ToList();

        Assert.Equal([(10m, RateRole.From), (25m, RateRole.To)], rates.Select(r => (r.Value, r.Role)));
        Assert.All(rates, r => Assert.True(r.IsTariffRate));
    }

    [Theory]
    [InlineData("Exports rose 4% in March")]
    [InlineData("Version 2.5 of the app")]
    [InlineData("a 100-day plan")]
    public void Text_without_a_percentage_or_with_plain_statistics_gives_no_tariff_rate(string text)
    {
        Assert.DoesNotContain(RateExtractor.Extract(text), r => r.IsTariffRate);
    }
}
