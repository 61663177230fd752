namespace TradeAlertBot.Core.Rules;

/// <summary>One piece of evidence: the matched source text and where it is (offsets into that field's text).</summary>
public sealed record TermHit(string Term, Field Field, int Start, int End);
