using Microsoft.EntityFrameworkCore;
using TradeAlertBot.Storage;

namespace TradeAlertBot.Pages.Admin;

/// <summary>The feeds page's read: every feed with its stored items per UTC day over the last <c>days</c> days.</summary>
public static class FeedsQuery
{
    public static async Task<IReadOnlyList<FeedsRow>> LoadAsync(TradeAlertDbContext db, int days, DateTimeOffset now, CancellationToken ct)
    {
        var today = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
        var from = today.AddDays(1 - days);
        var feeds = await db.Feeds.AsNoTracking().OrderBy(f => f.Id).ToListAsync(ct);
        // Only two columns of the window's items, bucketed here: the same on SQLite and PostgreSQL.
        var fetched = await db.Items.AsNoTracking().Where(i => i.FetchedAt >= from)
            .Select(i => new { i.FeedId, i.FetchedAt }).ToListAsync(ct);
        var counts = feeds.ToDictionary(f => f.Id, _ => new int[days]);
        foreach (var item in fetched)
        {
            var day = (int)(item.FetchedAt.UtcDateTime.Date - from.UtcDateTime).TotalDays;
            if (counts.TryGetValue(item.FeedId, out var perDay) && day is >= 0 && day < days)
            {
                perDay[day]++;
            }
        }

        return [.. feeds.Select(f => new FeedsRow(f, counts[f.Id]))];
    }
}
