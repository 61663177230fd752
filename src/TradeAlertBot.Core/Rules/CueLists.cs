using System.Collections.Frozen;
using TradeAlertBot.Core.Extraction;
using TradeAlertBot.Core.Rules.Nodes;
using TradeAlertBot.Core.Rules.Parsing;

namespace TradeAlertBot.Core.Rules;

/// <summary>
/// Shared lexicons of cues that any rule can use as <c>@name</c>: the words that mark a customs duty, a raise, a
/// cut, a mere mention (denial, study, request), a utility price. They ship with the default pack
/// (<c>samples/rules/cues/NAME.cues</c>, embedded in this assembly) so the pack and admins' own rules read them
/// from one place. A list is rule-language text, usually an OR of words and phrases. One list is made, not written:
/// <c>@countries</c>, every name, adjective and capital the fact extractor knows (<see cref="CountryLexicon"/>).
/// </summary>
public static class CueLists
{
    private const string Prefix = "cues/";
    private const string Extension = ".cues";
    private const string Countries = "countries";

    // Shipped lists are trusted and may be longer than an admin's rule.
    private const int MaxTermsPerList = 1_000;

    private static readonly Lazy<FrozenDictionary<string, Node>> Lists = new(Load);

    /// <summary>The names of the shipped lists, sorted.</summary>
    public static IReadOnlyList<string> Names => [.. Lists.Value.Keys.Order(StringComparer.Ordinal)];

    /// <summary>The text of a shipped list as written, or null.</summary>
    public static string? Text(string name) => name == Countries ? CountriesText() : Read(Prefix + name + Extension);

    internal static Node? Find(string name) => Lists.Value.GetValueOrDefault(name);

    private static FrozenDictionary<string, Node> Load()
    {
        var lists = new Dictionary<string, Node>(StringComparer.Ordinal);
        foreach (var resource in typeof(CueLists).Assembly.GetManifestResourceNames()
                     .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(Extension, StringComparison.Ordinal)))
        {
            var name = resource[Prefix.Length..^Extension.Length];
            try
            {
                // Lists do not refer to each other, so a list never sees a half-built table.
                lists[name] = Parse(Read(resource)!);
            }
            catch (RuleSyntaxException e)
            {
                throw new InvalidOperationException($"cue list @{name}: {e.Message}", e);
            }
        }

        lists[Countries] = Parse(CountriesText());
        return lists.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static Node Parse(string text) => new RuleParser(new RuleLexer(text).Lex(), MaxTermsPerList).Parse();

    private static string CountriesText() =>
        string.Join(" OR ", CountryLexicon.Codes.Keys.Order(StringComparer.Ordinal).Select(name => $"\"{name}\""));

    private static string? Read(string resource)
    {
        using var stream = typeof(CueLists).Assembly.GetManifestResourceStream(resource);
        return stream is null ? null : new StreamReader(stream).ReadToEnd();
    }
}
