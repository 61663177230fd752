namespace TradeAlertBot.Admin.Charts;

/// <summary>One stacked series of a <see cref="DailyChart"/>: a name (a category, a rule) and one count per day.</summary>
public sealed record ChartSeries(string Name, IReadOnlyList<int> Values);
