namespace TradeAlertBot.Core.Extraction;

/// <summary>
/// Countries and blocs as ISO 3166 alpha-2 codes ("EU" for the European Union) from names, adjectives and capitals
/// used as metonyms ("Beijing retaliated"). Matching is case-sensitive on purpose: "us" the pronoun, "turkey" the
/// bird and "fine china" are not countries.
/// </summary>
public static class CountryExtractor
{
    private static readonly PhraseLexicon Lexicon = new(CountryLexicon.Codes, caseSensitive: true);

    private static readonly HashSet<string> KnownCodes = [.. CountryLexicon.Codes.Values];

    public static IEnumerable<string> Extract(string text) => Lexicon.Find(text).Select(m => m.Value);

    /// <summary>True for a code extraction can give (upper case), so a filter on it can ever match.</summary>
    public static bool IsKnown(string code) => KnownCodes.Contains(code);
}
