namespace TradeAlertBot.Core.Extraction;

/// <summary>Extracts rates, money, countries, products and dates from an item's title and body.</summary>
public static class FactExtractor
{
    /// <summary>Extracts all facts; <paramref name="referenceDate"/> (the published date) anchors dates written without a year.</summary>
    public static ExtractedFacts Extract(string title, string body, DateOnly referenceDate)
    {
        string[] texts = [title, body];
        return new ExtractedFacts(
            [.. texts.SelectMany(RateExtractor.Extract).DistinctBy(r => (r.Value, r.Unit, r.Role, r.IsTariffRate))],
            [.. texts.SelectMany(MoneyExtractor.Extract).DistinctBy(a => (a.Value, a.Currency))],
            [.. texts.SelectMany(CountryExtractor.Extract).Distinct()],
            [.. texts.SelectMany(ProductExtractor.Extract).DistinctBy(p => (p.Name, p.HsCode))],
            [.. texts.SelectMany(t => DateExtractor.Extract(t, referenceDate)).DistinctBy(d => (d.Date, d.IsEffective))]);
    }
}
