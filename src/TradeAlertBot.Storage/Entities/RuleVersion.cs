namespace TradeAlertBot.Storage.Entities;

/// <summary>
/// One version of a watch rule's text: numbered from 1 per rule name, with who changed it, when and why. Versions
/// outlive the rule (a removal is a version too), so a removed rule's history can still be read.
/// </summary>
public class RuleVersion
{
    public long Id { get; set; }
    public required string RuleName { get; set; }
    public int Version { get; set; }
    public RuleChange Change { get; set; }

    /// <summary>The rule's text from this version on; for a removal, the text it had when removed.</summary>
    public required string Query { get; set; }
    public required string Author { get; set; }
    public DateTimeOffset At { get; set; }
    public string? Reason { get; set; }
}
