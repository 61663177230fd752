using System.Text.RegularExpressions;

namespace TradeAlertBot.Core.Extraction;

/// <summary>Products from the lexicon (any case, hyphen or space between words), and HS/HTS codes where written ("HS 8541", "heading 7208", "HTS 9903.88.15").</summary>
public static partial class ProductExtractor
{
    private static readonly PhraseLexicon Lexicon = new(ProductLexicon.Names, caseSensitive: false);

    public static IEnumerable<ProductFact> Extract(string text)
    {
        var found = new List<(int Index, ProductFact Fact)>();
        foreach (var (name, written, start) in Lexicon.Find(text))
        {
            found.Add((start, new ProductFact(name, written, null)));
        }

        foreach (Match m in HsCode().Matches(text))
        {
            var code = m.Groups["code"].Value;
            found.Add((m.Index, new ProductFact($"HS {code}", m.Value, code)));
        }

        return found.OrderBy(f => f.Index).Select(f => f.Fact);
    }

    [GeneratedRegex(@"\b(?:HS|HTSUS|HTS)(?:\s+(?:code|heading|subheading))?\s+(?<code>\d{4}(?:\.\d{2}){0,3}|\d{6,10})\b|\b(?:sub)?heading\s+(?<code>\d{4}(?:\.\d{2}){0,3})\b")]
    private static partial Regex HsCode();
}
