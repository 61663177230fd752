using TradeAlertBot.Core.Text;
using TradeAlertBot.Storage.Entities;

namespace TradeAlertBot.Pages.Admin;

/// <summary>How the audit page shows an entry's before and after: a line diff when both span lines (a rule's query), else the two texts.</summary>
public static class AuditChange
{
    /// <summary>The diff of a multi-line change (bounded by <see cref="LineDiff"/> itself); null when either side is one line or missing.</summary>
    public static IReadOnlyList<DiffLine>? Diff(AuditEntry entry)
    {
        if (entry.Before is not { } before || entry.After is not { } after || !before.Contains('\n') || !after.Contains('\n'))
        {
            return null;
        }

        return LineDiff.Compute(before, after);
    }

    public static string ClassOf(DiffLine line) => line.Kind switch
    {
        DiffKind.Added => "added",
        DiffKind.Removed => "removed",
        _ => "same",
    };
}
