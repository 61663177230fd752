using TradeAlertBot.Storage.Entities;

namespace TradeAlertBot.Storage.Queries;

public static class AuditQueries
{
    /// <summary>
    /// Entries newest first, optionally from <paramref name="since"/> on, by actors whose id starts with
    /// <paramref name="actor"/> (<c>slack:</c>, <c>web:</c>, a whole id), and of one action.
    /// </summary>
    public static IQueryable<AuditEntry> Matching(this IQueryable<AuditEntry> entries, DateTimeOffset? since, string? actor, AuditAction? action)
    {
        if (since is { } from)
        {
            entries = entries.Where(e => e.At >= from);
        }

        if (!string.IsNullOrEmpty(actor))
        {
            entries = entries.Where(e => e.Actor.StartsWith(actor));
        }

        if (action is { } wanted)
        {
            entries = entries.Where(e => e.Action == wanted);
        }

        return entries.OrderByDescending(e => e.At).ThenByDescending(e => e.Id);
    }
}
