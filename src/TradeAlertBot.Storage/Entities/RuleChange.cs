namespace TradeAlertBot.Storage.Entities;

/// <summary>How a <see cref="RuleVersion"/> came about.</summary>
public enum RuleChange
{
    /// <summary>The text a rule had before its history was kept (seeded, or stored by an older version).</summary>
    Baseline,
    Created,
    Edited,
    Reverted,
    Removed,
}
