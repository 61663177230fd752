namespace TradeAlertBot.Admin.Charts;

/// <summary>
/// Counts per day over consecutive days (oldest first), one or several series stacked per day. <paramref name="Label"/>
/// names what is counted ("alerts", "matches") in the summary a screen reader hears.
/// </summary>
public sealed record DailyChart(string Title, string Label, IReadOnlyList<DateOnly> Days, IReadOnlyList<ChartSeries> Series)
{
    /// <summary>A chart of the <paramref name="count"/> days ending with <paramref name="last"/>, series filled from per-day counts.</summary>
    public static DailyChart Over(
        string title, string label, DateOnly last, int count, IReadOnlyDictionary<string, IReadOnlyDictionary<DateOnly, int>> perSeries)
    {
        var days = Enumerable.Range(0, count).Select(i => last.AddDays(i - count + 1)).ToList();
        var series = perSeries
            .Select(s => new ChartSeries(s.Key, days.Select(d => s.Value.GetValueOrDefault(d)).ToList()))
            .OrderByDescending(s => s.Values.Sum())
            .ThenBy(s => s.Name, StringComparer.Ordinal)
            .ToList();
        return new DailyChart(title, label, days, series);
    }

    /// <summary>The stacked total of day <paramref name="index"/>.</summary>
    public int TotalOn(int index) => Series.Sum(s => s.Values[index]);

    public int Total => Series.Sum(s => s.Values.Sum());
}
