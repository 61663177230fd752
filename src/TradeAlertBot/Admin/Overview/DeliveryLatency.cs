using Microsoft.EntityFrameworkCore;
using TradeAlertBot.Storage;

namespace TradeAlertBot.Admin.Overview;

/// <summary>
/// How long alerts waited in the outbox (stored <c>CreatedAt</c> to <c>SentAt</c>) for deliveries sent in the last
/// 24 hours: median and 99th percentile (nearest rank). Computed in memory over at most <see cref="MaxRows"/> newest
/// rows, two columns each, which reads the same on SQLite and PostgreSQL.
/// </summary>
public sealed record DeliveryLatency(int Sent, TimeSpan? P50, TimeSpan? P99, bool Capped)
{
    public const int MaxRows = 20_000;
    public static readonly TimeSpan Window = TimeSpan.FromHours(24);

    public static async Task<DeliveryLatency> LoadAsync(TradeAlertDbContext db, DateTimeOffset now, CancellationToken ct)
    {
        var since = now - Window;
        var rows = await db.Deliveries.AsNoTracking()
            .Where(d => d.SentAt != null && d.SentAt >= since)
            .OrderByDescending(d => d.SentAt)
            .Take(MaxRows + 1)
            .Select(d => new { d.CreatedAt, d.SentAt })
            .ToListAsync(ct);
        var waits = rows.Take(MaxRows).Select(r => r.SentAt!.Value - r.CreatedAt).Order().ToList();
        return new DeliveryLatency(waits.Count, Percentile(waits, 0.50), Percentile(waits, 0.99), rows.Count > MaxRows);
    }

    /// <summary>The nearest-rank percentile of sorted values; null for none.</summary>
    public static TimeSpan? Percentile(IReadOnlyList<TimeSpan> sorted, double fraction) =>
        sorted.Count == 0 ? null : sorted[Math.Clamp((int)Math.Ceiling(fraction * sorted.Count) - 1, 0, sorted.Count - 1)];

    /// <summary>A wait as people read it: "850 ms", "12 s", "3.5 min", "2.1 h".</summary>
    public static string Shown(TimeSpan? wait) => wait switch
    {
        null => "–",
        { TotalSeconds: < 1 } w => $"{w.TotalMilliseconds:0} ms",
        { TotalMinutes: < 1 } w => $"{w.TotalSeconds:0.#} s",
        { TotalHours: < 1 } w => $"{w.TotalMinutes:0.#} min",
        var w => $"{w.Value.TotalHours:0.#} h",
    };
}
