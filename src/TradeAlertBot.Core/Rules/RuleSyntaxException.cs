namespace TradeAlertBot.Core.Rules;

/// <summary>A rule that cannot be used: a syntax error, or a rule rejected as too broad or unmatchable.</summary>
public sealed class RuleSyntaxException(int line, int column, string reason)
    : Exception($"line {line}, col {column}: {reason}")
{
    /// <summary>1-based line of the offending token.</summary>
    public int Line { get; } = line;

    /// <summary>1-based column of the offending token.</summary>
    public int Column { get; } = column;

    /// <summary>What was wrong, without the position.</summary>
    public string Reason { get; } = reason;
}
