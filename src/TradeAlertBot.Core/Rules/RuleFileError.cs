namespace TradeAlertBot.Core.Rules;

/// <summary>A problem found in a rule file, with its 1-based line and column.</summary>
public sealed record RuleFileError(string Path, int Line, int Column, string Message);
