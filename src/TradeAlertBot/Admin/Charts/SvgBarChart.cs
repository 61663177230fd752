using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Html;

namespace TradeAlertBot.Admin.Charts;

/// <summary>
/// Renders a <see cref="DailyChart"/> as server-side SVG: stacked bars per day, a y axis with its maximum, dates under
/// the first, middle and last bars, a legend, and the same numbers as a table in a &lt;details&gt; for screen readers
/// (the SVG itself is one image with a summary as its name). Every text and attribute value is encoded: series names
/// come from rule names and stored data. Colours come from the stylesheet (classes s0…s7); the legend and the table
/// say which is which, so nothing depends on colour alone.
/// </summary>
public static class SvgBarChart
{
    private const int Width = 640;
    private const int Height = 220;
    private const int Left = 44;
    private const int Right = 8;
    private const int Top = 10;
    private const int Bottom = 28;
    internal const int Palette = 8;

    public static IHtmlContent Render(DailyChart chart)
    {
        var html = new StringBuilder("<figure class=\"chart\">");
        html.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-label=\"{E(Summary(chart))}\">");
        html.Append($"<title>{E(chart.Title)}</title><desc>{E(Summary(chart))}</desc>");
        var max = Enumerable.Range(0, chart.Days.Count).Select(chart.TotalOn).DefaultIfEmpty(0).Max();
        Axes(html, chart, max);
        if (max > 0)
        {
            Bars(html, chart, max);
        }
        else
        {
            html.Append(CultureInfo.InvariantCulture, $"<text class=\"empty\" x=\"{Width / 2}\" y=\"{Height / 2}\" text-anchor=\"middle\">No {E(chart.Label)} in these days</text>");
        }

        html.Append("</svg>");
        ChartKey.Legend(html, chart);
        ChartKey.DataTable(html, chart);
        return new HtmlString(html.Append("</figure>").ToString());
    }

    /// <summary>What the chart shows, in words: the accessible name of the image.</summary>
    public static string Summary(DailyChart chart)
    {
        if (chart.Days.Count == 0)
        {
            return $"{chart.Title}: no days.";
        }

        var span = $"{Day(chart.Days[0])} to {Day(chart.Days[^1])}";
        if (chart.Total == 0)
        {
            return $"{chart.Title}: no {chart.Label} from {span}.";
        }

        var busiest = Enumerable.Range(0, chart.Days.Count).MaxBy(chart.TotalOn);
        var summary = $"{chart.Title}: {chart.Total} {chart.Label} from {span}; most on {Day(chart.Days[busiest])} ({chart.TotalOn(busiest)})";
        if (chart.Series.Count < 2)
        {
            return summary + ".";
        }

        var top = chart.Series.Select(s => (s.Name, Total: s.Values.Sum())).Where(s => s.Total > 0)
            .OrderByDescending(s => s.Total).Take(3).Select(s => $"{s.Name} {s.Total}");
        return $"{summary}; largest: {string.Join(", ", top)}.";
    }

    private static void Axes(StringBuilder html, DailyChart chart, int max)
    {
        var baseline = Height - Bottom;
        html.Append(CultureInfo.InvariantCulture, $"<line class=\"axis\" x1=\"{Left}\" y1=\"{baseline}\" x2=\"{Width - Right}\" y2=\"{baseline}\"/>");
        html.Append(CultureInfo.InvariantCulture, $"<line class=\"axis\" x1=\"{Left}\" y1=\"{Top}\" x2=\"{Left}\" y2=\"{baseline}\"/>");
        html.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left - 4}\" y=\"{baseline}\" text-anchor=\"end\">0</text>");
        html.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left - 4}\" y=\"{Top + 10}\" text-anchor=\"end\">{max}</text>");
        if (chart.Days.Count == 0)
        {
            return;
        }

        var slot = Slot(chart);
        foreach (var i in new[] { 0, chart.Days.Count / 2, chart.Days.Count - 1 }.Distinct())
        {
            var x = Left + (slot * i) + (slot / 2);
            html.Append(CultureInfo.InvariantCulture, $"<text x=\"{x:0.#}\" y=\"{Height - 8}\" text-anchor=\"middle\">{E(Day(chart.Days[i]))}</text>");
        }
    }

    private static void Bars(StringBuilder html, DailyChart chart, int max)
    {
        var slot = Slot(chart);
        var plot = (double)(Height - Bottom - Top);
        for (var day = 0; day < chart.Days.Count; day++)
        {
            var y = (double)(Height - Bottom);
            for (var s = 0; s < chart.Series.Count; s++)
            {
                var value = chart.Series[s].Values[day];
                if (value == 0)
                {
                    continue;
                }

                var height = plot * value / max;
                y -= height;
                html.Append(CultureInfo.InvariantCulture,
                    $"<rect class=\"s{s % Palette}\" x=\"{Left + (slot * day) + 1:0.##}\" y=\"{y:0.##}\" width=\"{Math.Max(1, slot - 2):0.##}\" height=\"{height:0.##}\">");
                html.Append($"<title>{E($"{Day(chart.Days[day])}: {chart.Series[s].Name} {value}")}</title></rect>");
            }
        }
    }

    private static double Slot(DailyChart chart) => (double)(Width - Left - Right) / Math.Max(1, chart.Days.Count);

    internal static string Day(DateOnly day) => day.ToString("MMM d", CultureInfo.InvariantCulture);

    internal static string E(string text) => WebUtility.HtmlEncode(text);
}
