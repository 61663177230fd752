using System.Globalization;
using TradeAlertBot.Cli;
using TradeAlertBot.Storage.Entities;

namespace TradeAlertBot.Audit;

/// <summary>
/// The audit log as CSV, one format for <c>audit --csv</c> and the console's download: time (UTC), actor, action,
/// target, before, after; cells a spreadsheet would run as a formula are defused by <see cref="CsvText"/>.
/// </summary>
public static class AuditCsv
{
    public static string Header { get; } = CsvText.Row("time", "actor", "action", "target", "before", "after");

    public static string Row(AuditEntry e) => CsvText.Row(Time(e.At), e.Actor, AuditActionName.Of(e.Action), e.Target, e.Before, e.After);

    public static async Task WriteAsync(TextWriter writer, IEnumerable<AuditEntry> entries, CancellationToken ct)
    {
        await writer.WriteLineAsync(Header.AsMemory(), ct);
        foreach (var entry in entries)
        {
            await writer.WriteLineAsync(Row(entry).AsMemory(), ct);
        }
    }

    /// <summary>"2026-03-01 09:00:00Z": the time as the table, the CSV and the console show it.</summary>
    public static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
