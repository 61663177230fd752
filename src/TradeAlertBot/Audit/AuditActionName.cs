using TradeAlertBot.Storage.Entities;

namespace TradeAlertBot.Audit;

/// <summary>"rule-edit" for <see cref="AuditAction.RuleEdit"/>: how the CLI, the CSV and the console's audit page name actions.</summary>
public static class AuditActionName
{
    public static string Of(AuditAction action) =>
        string.Concat(action.ToString().Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    /// <summary>"rule-edit" or "RuleEdit" (any case); null for anything else.</summary>
    public static AuditAction? Parse(string text) =>
        Enum.GetValues<AuditAction>().Select(a => (AuditAction?)a).FirstOrDefault(a =>
            string.Equals(Of(a!.Value), text, StringComparison.OrdinalIgnoreCase) || string.Equals(a.ToString(), text, StringComparison.OrdinalIgnoreCase));

    public static IReadOnlyList<string> All { get; } = [.. Enum.GetValues<AuditAction>().Select(Of)];
}
