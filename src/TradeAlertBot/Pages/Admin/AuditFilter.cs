using TradeAlertBot.Audit;
using TradeAlertBot.Storage.Entities;

namespace TradeAlertBot.Pages.Admin;

/// <summary>
/// The audit page's filters as typed (since, actor, action), read the way the CLI's <c>audit</c> reads its options
/// (<see cref="AuditSince"/>, <see cref="AuditActionName"/>); what does not parse is said, not ignored silently.
/// </summary>
public sealed record AuditFilter(string? Since, string? Actor, string? Action)
{
    public DateTimeOffset? From { get; private init; }

    public AuditAction? Wanted { get; private init; }

    public string? Error { get; private init; }

    public static AuditFilter Read(string? since, string? actor, string? action, DateTimeOffset now)
    {
        var filter = new AuditFilter(Blank(since), Blank(actor), Blank(action));
        var from = filter.Since is null ? null : AuditSince.Parse(filter.Since, now);
        var wanted = filter.Action is null ? null : AuditActionName.Parse(filter.Action);
        var error = filter.Since is not null && from is null
            ? $"\"{filter.Since}\" is not a date (2026-03-01), a UTC time (2026-03-01T09:00Z) or an age (30m, 12h, 7d); the filter is left out."
            : filter.Action is not null && wanted is null ? $"\"{filter.Action}\" is not an action; the filter is left out." : null;
        return filter with { From = from, Wanted = wanted, Error = error };
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
