using TradeAlertBot.Core.Rules;

namespace TradeAlertBot.Core.Categories;

/// <summary>
/// The default categories (new-tariffs, tariff-exemptions, export-controls, anti-dumping, sanctions, trade-deals):
/// the files of samples/rules, embedded in this assembly at build time.
/// </summary>
public static class DefaultRulePack
{
    private const string Prefix = "rules/";

    public static IReadOnlyList<Rule> Load()
    {
        var assembly = typeof(DefaultRulePack).Assembly;
        return [.. assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(RuleFile.Extension, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n =>
            {
                using var reader = new StreamReader(assembly.GetManifestResourceStream(n)!);
                return Rule.Parse(n[Prefix.Length..^RuleFile.Extension.Length], reader.ReadToEnd());
            })];
    }
}
