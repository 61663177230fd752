using System.Text.RegularExpressions;

namespace TradeAlertBot.Core.Extraction;

/// <summary>
/// Countries and blocs as ISO 3166 alpha-2 codes ("EU" for the European Union) from names, adjectives and capitals
/// used as metonyms ("Beijing retaliated"). Matching is case-sensitive on purpose: "us" the pronoun, "turkey" the
/// bird and "fine china" are not countries.
/// </summary>
public static partial class CountryExtractor
{
    public static IEnumerable<string> Extract(string text)
    {
        foreach (Match m in Name().Matches(text))
        {
            yield return CountryLexicon.Codes[m.Value.Replace("\u2019", "'", StringComparison.Ordinal)];
        }
    }

    [GeneratedRegex(CountryLexicon.Pattern)]
    private static partial Regex Name();
}
