namespace TradeAlertBot.Core.Rules;

/// <summary>A rule that matched an item, with the terms that made it match (sorted by field, then start).</summary>
public sealed record RuleMatch(string Rule, IReadOnlyList<TermHit> Hits);
