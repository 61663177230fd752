using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using TradeAlertBot.Audit;
using TradeAlertBot.Storage.Entities;
using TradeAlertBot.Storage.Queries;

namespace TradeAlertBot.Cli;

/// <summary><c>audit [--since] [--actor] [--action] [--limit] [--csv]</c>: the audit log, newest first.</summary>
internal static class AuditCommand
{
    private const int DefaultLimit = 100;

    public static Command Create(CliConsole console)
    {
        var since = new Option<string?>("--since") { Description = "Only entries from then on: a date or time (2026-03-01, 2026-03-01T09:00Z, UTC) or an age (30m, 12h, 7d)." };
        var actor = new Option<string?>("--actor") { Description = "Only actors whose id starts with this: cli, web:, slack:T0123/U0456, teams:TENANT/…" };
        var action = new Option<string?>("--action") { Description = $"Only this action: {ActionNames}." };
        var limit = new Option<int>("--limit") { Description = "At most this many entries (0: all).", DefaultValueFactory = _ => DefaultLimit };
        var csv = new Option<bool>("--csv") { Description = "Print CSV (time, actor, action, target, before, after) instead of a table." };
        var audit = new Command("audit", "Show the audit log: admin actions from chat, the command line and the web.") { since, actor, action, limit, csv };
        audit.SetAction((result, ct) => ShowAsync(
            result.GetValue(since), result.GetValue(actor), result.GetValue(action), result.GetValue(limit), result.GetValue(csv), console, ct));
        return audit;
    }

    private static async Task<int> ShowAsync(string? sinceText, string? actor, string? actionText, int limit, bool csv, CliConsole console, CancellationToken ct)
    {
        DateTimeOffset? since = null;
        if (sinceText is not null && (since = AuditSince.Parse(sinceText, console.Time.GetUtcNow())) is null)
        {
            return Usage(console, $"--since takes a date (2026-03-01), a UTC time (2026-03-01T09:00Z) or an age (30m, 12h, 7d), not '{sinceText}'");
        }

        AuditAction? action = null;
        if (actionText is not null && (action = AuditActionName.Parse(actionText)) is null)
        {
            return Usage(console, $"--action must be one of {ActionNames}, not '{actionText}'");
        }

        if (limit < 0)
        {
            return Usage(console, $"--limit must be 0 (all) or more, not {limit}");
        }

        await using var db = await console.OpenDatabaseAsync(ct);
        var query = db.AuditLog.AsNoTracking().Matching(since, actor, action);
        var entries = await (limit > 0 ? query.Take(limit) : query).ToListAsync(ct);
        if (csv)
        {
            await AuditCsv.WriteAsync(console.Out, entries, ct);
            return 0;
        }

        var table = new TextTable("TIME", "ACTOR", "ACTION", "TARGET", "BEFORE", "AFTER");
        foreach (var e in entries)
        {
            table.Add(AuditCsv.Time(e.At), e.Actor, AuditActionName.Of(e.Action), TextTable.Clip(e.Target, 60), TextTable.Clip(e.Before, 50), TextTable.Clip(e.After, 50));
        }

        table.WriteTo(console.Out);
        console.Out.WriteLine($"{entries.Count} entr{(entries.Count == 1 ? "y" : "ies")}");
        return 0;
    }

    private static string ActionNames => string.Join(", ", AuditActionName.All);

    private static int Usage(CliConsole console, string message)
    {
        console.Error.WriteLine($"audit: {message}");
        return 2;
    }
}
