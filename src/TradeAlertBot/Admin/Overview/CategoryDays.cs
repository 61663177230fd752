using Microsoft.EntityFrameworkCore;
using TradeAlertBot.Admin.Charts;
using TradeAlertBot.Storage;

namespace TradeAlertBot.Admin.Overview;

/// <summary>
/// Stories first seen per rule (category or watch rule) per UTC day over the last days, from the stored stories'
/// rule names. The read is bounded: at most <see cref="MaxStories"/> newest stories (a window past that is
/// <see cref="Capped"/> and its counts are lower bounds), only two columns each.
/// </summary>
public sealed record CategoryDays(DateOnly Last, int Days, IReadOnlyDictionary<string, IReadOnlyDictionary<DateOnly, int>> PerRule, bool Capped)
{
    public const int MaxStories = 50_000;

    public static async Task<CategoryDays> LoadAsync(TradeAlertDbContext db, DateTimeOffset now, int days, CancellationToken ct)
    {
        var last = DateOnly.FromDateTime(now.UtcDateTime);
        var since = new DateTimeOffset(last.AddDays(1 - days).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var stories = await db.Stories.AsNoTracking()
            .Where(s => s.FirstSeenAt >= since)
            .OrderByDescending(s => s.FirstSeenAt)
            .Take(MaxStories + 1)
            .Select(s => new { s.FirstSeenAt, s.Categories })
            .ToListAsync(ct);
        var perRule = new Dictionary<string, Dictionary<DateOnly, int>>(StringComparer.Ordinal);
        foreach (var story in stories.Take(MaxStories))
        {
            var day = DateOnly.FromDateTime(story.FirstSeenAt.UtcDateTime);
            foreach (var rule in story.Categories.Distinct(StringComparer.Ordinal))
            {
                var counts = perRule.TryGetValue(rule, out var found) ? found : perRule[rule] = [];
                counts[day] = counts.GetValueOrDefault(day) + 1;
            }
        }

        return new CategoryDays(
            last, days, perRule.ToDictionary(r => r.Key, r => (IReadOnlyDictionary<DateOnly, int>)r.Value, StringComparer.Ordinal),
            stories.Count > MaxStories);
    }

    /// <summary>Stories <paramref name="rule"/> matched in the last <paramref name="days"/> days (today included).</summary>
    public int Count(string rule, int days)
    {
        var from = Last.AddDays(1 - days);
        return PerRule.TryGetValue(rule, out var counts) ? counts.Where(c => c.Key >= from).Sum(c => c.Value) : 0;
    }

    /// <summary>The window as a chart, one series per rule (in <paramref name="only"/>, when given).</summary>
    public DailyChart Chart(string title, string label, ISet<string>? only = null) =>
        DailyChart.Over(title, label, Last, Days, only is null ? PerRule : PerRule.Where(r => only.Contains(r.Key)).ToDictionary());
}
