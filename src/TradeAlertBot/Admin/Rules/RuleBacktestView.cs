using Microsoft.AspNetCore.Html;
using TradeAlertBot.Admin.Charts;
using TradeAlertBot.Commands.Shared;
using TradeAlertBot.Core.Rules;

namespace TradeAlertBot.Admin.Rules;

/// <summary>A backtest as the editor shows it: the counts, matches per day as a chart, and the newest examples with their hits marked.</summary>
public sealed record RuleBacktestView(BacktestResult Result, DailyChart Chart, IReadOnlyList<RuleBacktestView.Example> Examples)
{
    public const int Days = 30;

    public static RuleBacktestView From(BacktestResult result, DateTimeOffset now)
    {
        var perDay = new Dictionary<string, IReadOnlyDictionary<DateOnly, int>> { ["matches"] = result.PerDay };
        var chart = DailyChart.Over("Backtest: matches per day", "matches", DateOnly.FromDateTime(now.UtcDateTime), Days, perDay);
        return new RuleBacktestView(result, chart, [.. result.Newest.Select(Marked)]);
    }

    private static Example Marked(BacktestExample example)
    {
        var title = HitMarks.Mark(example.Title, example.Hits.Where(h => h.Field == Field.Title).Select(h => (h.Start, h.End)));
        var excerpt = HitMarks.Mark(example.Excerpt, example.Hits.Where(h => h.Field == Field.Body)
            .Select(h => (h.Start - example.ExcerptStart, h.End - example.ExcerptStart)));
        return new Example(example, title, excerpt);
    }

    public sealed record Example(BacktestExample Item, IHtmlContent Title, IHtmlContent Excerpt);
}
