using System.Text.RegularExpressions;

namespace TradeAlertBot.Core.Extraction;

/// <summary>Products from the lexicon, and HS/HTS codes where written ("HS 8541", "heading 7208", "HTS 9903.88.15").</summary>
public static partial class ProductExtractor
{
    public static IEnumerable<ProductFact> Extract(string text)
    {
        var found = new List<(int Index, ProductFact Fact)>();
        foreach (Match m in Product().Matches(text))
        {
            var key = Whitespace().Replace(m.Value.ToLowerInvariant().Replace('-', ' '), " ");
            var name = ProductLexicon.Names.GetValueOrDefault(key)
                       ?? ProductLexicon.Names.GetValueOrDefault(m.Value.ToLowerInvariant());
            if (name is not null)
            {
                found.Add((m.Index, new ProductFact(name, m.Value, null)));
            }
        }

        foreach (Match m in HsCode().Matches(text))
        {
            var code = m.Groups["code"].Value;
            found.Add((m.Index, new ProductFact($"HS {code}", m.Value, code)));
        }

        return found.OrderBy(f => f.Index).Select(f => f.Fact);
    }

    [GeneratedRegex(ProductLexicon.Pattern, RegexOptions.IgnoreCase)]
    private static partial Regex Product();

    [GeneratedRegex(@"\b(?:HS|HTSUS|HTS)(?:\s+(?:code|heading|subheading))?\s+(?<code>\d{4}(?:\.\d{2}){0,3}|\d{6,10})\b|\b(?:sub)?heading\s+(?<code>\d{4}(?:\.\d{2}){0,3})\b")]
    private static partial Regex HsCode();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
