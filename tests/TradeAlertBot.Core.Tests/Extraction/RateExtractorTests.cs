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
    [InlineData("a 50 pct cut in the import tariff", "50 pct", 50, RateUnit.Percent, RateRole.None, true)]
    [InlineData("the tariff on gas from the U.S. will drop 5 percent", "5 percent", 5, RateUnit.Percent, RateRole.None, true)]
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

    [Fact]
    public void A_change_written_to_then_from_is_marked_too()
    {
        var rates = RateExtractor.Extract("Tariffs on rice were lowered to 15 percent from 35 percent.").ToList();

        Assert.Equal([(15m, RateRole.To), (35m, RateRole.From)], rates.Select(r => (r.Value, r.Role)));
    }

    [Fact]
    public void Rates_listed_after_a_tariff_rate_in_one_sentence_are_tariff_rates()
    {
        var rates = RateExtractor.Extract(
            "Under the decree tariffs rose to 120 percent on passenger cars, 140 percent on alcoholic drinks and 60 percent on leaf tobacco. Inflation was 3 percent.").ToList();

        Assert.Equal([true, true, true, false], rates.Select(r => r.IsTariffRate));
    }

    [Theory]
    [InlineData("an export duty of 64.06 ringgit per tonne on crude palm oil", 64.06, "MYR", "tonne")]
    [InlineData("re-imposed export duties on rubber at 3/8 cent per kilo", 0.375, "cent", "kilo")]
    [InlineData("an anti-dumping duty of US$ 120 per tonne", 120, "USD", "tonne")]
    public void A_specific_duty_is_an_amount_per_quantity(string text, double value, string currency, string per)
    {
        var rate = Assert.Single(RateExtractor.Extract(text));

        Assert.Equal((RateUnit.PerQuantity, (decimal)value, currency, per, true), (rate.Unit, rate.Value, rate.Currency, rate.Per, rate.IsTariffRate));
    }

    [Fact]
    public void A_price_per_quantity_near_a_duty_is_not_a_duty()
    {
        var rates = RateExtractor.Extract("The export duty applies at 3/8 cent per kilo once the threshold price of 210 cents per kilo is passed.").ToList();

        Assert.Equal([true, false], rates.Select(r => r.IsTariffRate));
    }
}
