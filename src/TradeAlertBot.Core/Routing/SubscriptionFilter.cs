using TradeAlertBot.Core.Extraction;

namespace TradeAlertBot.Core.Routing;

/// <summary>
/// What a subscription asks for: one rule (a category or a watch rule), optionally narrowed by the item's facts —
/// an importer of Vietnamese steel wants <c>new-tariffs country:VN product:steel</c>, not every tariff story.
/// </summary>
public sealed record SubscriptionFilter(string RuleName, string? Country = null, string? Product = null, string? HsCode = null)
{
    /// <summary>The subscription to the destination's own watch list (<c>subscribe watchlist</c>): no rule has this name.</summary>
    public const string WatchListRule = "watchlist";

    public bool IsWatchList => string.Equals(RuleName, WatchListRule, StringComparison.OrdinalIgnoreCase);

    /// <summary>True when the item matched the rule and every narrowing fact is present (never for the watch list, which routing matches).</summary>
    public bool Matches(IReadOnlyCollection<string> matchedRules, ExtractedFacts facts) =>
        !IsWatchList
        && matchedRules.Contains(RuleName, StringComparer.OrdinalIgnoreCase)
        && (Country is null || facts.Countries.Contains(Country, StringComparer.OrdinalIgnoreCase))
        && (Product is null || facts.Products.Any(p => string.Equals(p.Name, Product, StringComparison.OrdinalIgnoreCase)))
        && (HsCode is null || facts.Products.Any(p => p.HsCode is { } code && code.StartsWith(HsCode, StringComparison.Ordinal)));
}
