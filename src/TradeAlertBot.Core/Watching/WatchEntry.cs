using TradeAlertBot.Core.Extraction;

namespace TradeAlertBot.Core.Watching;

/// <summary>
/// One line of a destination's watch list: an HS code (digits, any length), a product (its lexicon name) and/or a
/// country (ISO code), with the team's own label. The code and the product each name goods (either may match); the
/// country narrows them, or stands alone.
/// </summary>
public sealed record WatchEntry(string? HsCode, string? Product, string? Country, string? Label)
{
    /// <summary>"8541.43 solar cells, from CN": the entry as people read it.</summary>
    public string Describe()
    {
        var goods = string.Join(' ', new[] { HsCode is null ? null : Extraction.HsCode.Format(HsCode), Product, Label }.Where(p => !string.IsNullOrWhiteSpace(p)));
        return Country is null ? goods : goods.Length == 0 ? Country : $"{goods}, from {Country}";
    }

    /// <summary>
    /// How this entry touches a report's facts, or null. A story code the entry's code begins covers it (hs:8541 and
    /// 8541.43.00); so does a broader story code that begins the entry's code (hs:8541.43 and "Chapter 85"): a measure on
    /// a whole chapter applies to the watched goods too, and the match says it was broader.
    /// </summary>
    public WatchMatch? Match(ExtractedFacts facts)
    {
        if (Country is not null && !facts.Countries.Contains(Country, StringComparer.OrdinalIgnoreCase))
        {
            return null;
        }

        if (HsCode is null && Product is null)
        {
            return new WatchMatch(this, null);
        }

        var codes = facts.Products.Where(p => p.HsCode is not null).Select(p => p.HsCode!).ToList();
        if (HsCode is not null && codes.Exists(code => Extraction.HsCode.Covers(HsCode, code)))
        {
            return new WatchMatch(this, null);
        }

        if (Product is not null && facts.Products.Any(p => string.Equals(p.Name, Product, StringComparison.OrdinalIgnoreCase)))
        {
            return new WatchMatch(this, null);
        }

        var broader = HsCode is null ? null : codes.Where(code => Extraction.HsCode.Covers(code, HsCode)).OrderByDescending(c => c.Length).FirstOrDefault();
        return broader is null ? null : new WatchMatch(this, broader);
    }
}
