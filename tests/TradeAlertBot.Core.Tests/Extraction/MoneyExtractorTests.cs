using TradeAlertBot.Core.Extraction;

namespace TradeAlertBot.Core.Tests.Extraction;

public class MoneyExtractorTests
{
    [Theory]
    [InlineData("duties on $200 billion of goods", "$200 billion", 200_000_000_000, "USD")]
    [InlineData("a €1.2bn package", "€1.2bn", 1_200_000_000, "EUR")]
    [InlineData("worth US$50 million", "US$50 million", 50_000_000, "USD")]
    [InlineData("a £3m fine", "£3m", 3_000_000, "GBP")]
    [InlineData("RMB 100 billion in subsidies", "RMB 100 billion", 100_000_000_000, "CNY")]
    [InlineData("¥10 trillion", "¥10 trillion", 10_000_000_000_000, "JPY")]
    [InlineData("goods worth 200 billion dollars", "200 billion dollars", 200_000_000_000, "USD")]
    [InlineData("a minimum of $7,000 per car", "$7,000", 7_000, "USD")]
    [InlineData("C$30 billion of American products", "C$30 billion", 30_000_000_000, "CAD")]
    public void Amounts_are_scaled_and_carry_their_currency(string text, string written, double value, string currency)
    {
        var amount = Assert.Single(MoneyExtractor.Extract(text));

        Assert.Equal(new MoneyFact(written, (decimal)value, currency), amount);
    }

    [Theory]
    [InlineData("a 25% tariff")]
    [InlineData("in 2025 the rules changed")]
    [InlineData("section 301 of the act")]
    public void Numbers_without_a_currency_are_not_money(string text)
    {
        Assert.Empty(MoneyExtractor.Extract(text));
    }
}
