namespace TradeAlertBot.Core.Extraction;

/// <summary>Products from the lexicon (any case, hyphen or space between words), and HS/HTS codes where written (<see cref="HsCodeExtractor"/>).</summary>
public static class ProductExtractor
{
    private static readonly PhraseLexicon Lexicon = new(ProductLexicon.Names, caseSensitive: false);

    public static IEnumerable<ProductFact> Extract(string text)
    {
        var found = new List<(int Index, ProductFact Fact)>();
        foreach (var (name, written, start) in Lexicon.Find(text))
        {
            found.Add((start, new ProductFact(name, written, null)));
        }

        foreach (var (code, written, index) in HsCodeExtractor.Extract(text))
        {
            found.Add((index, new ProductFact(HsCode.Describe(code), written, code)));
        }

        return found.OrderBy(f => f.Index).Select(f => f.Fact);
    }

    /// <summary>The lexicon's canonical names, sorted: what a product filter or watch entry can name.</summary>
    public static IReadOnlyList<string> KnownNames { get; } = [.. ProductLexicon.Names.Values.Distinct().Order(StringComparer.OrdinalIgnoreCase)];

    /// <summary>The lexicon's canonical name for a product as someone would type it ("solar cells" is "solar panels"), or null.</summary>
    public static string? CanonicalName(string written)
    {
        var folded = written.Trim().ToLowerInvariant();
        return ProductLexicon.Names.GetValueOrDefault(folded)
            ?? ProductLexicon.Names.GetValueOrDefault(folded.Replace('-', ' '))
            ?? KnownNames.FirstOrDefault(name => string.Equals(name, folded, StringComparison.OrdinalIgnoreCase));
    }
}
