using System.Globalization;
using System.Text;
using static TradeAlertBot.Admin.Charts.SvgBarChart;

namespace TradeAlertBot.Admin.Charts;

/// <summary>
/// What tells a chart's series apart besides colour: a legend (names with totals, beside swatches of the same classes
/// as the bars) and the numbers as a table in a &lt;details&gt;, read by screen readers and copied by people.
/// </summary>
internal static class ChartKey
{
    public static void Legend(StringBuilder html, DailyChart chart)
    {
        if (chart.Series.Count < 2)
        {
            return;
        }

        html.Append("<ul class=\"legend\">");
        for (var s = 0; s < chart.Series.Count; s++)
        {
            html.Append(CultureInfo.InvariantCulture, $"<li><span class=\"swatch s{s % Palette}\" aria-hidden=\"true\"></span>{E(chart.Series[s].Name)} ({chart.Series[s].Values.Sum()})</li>");
        }

        html.Append("</ul>");
    }

    public static void DataTable(StringBuilder html, DailyChart chart)
    {
        html.Append($"<details><summary>{E(chart.Title)} as a table</summary><div class=\"table-box\"><table><thead><tr><th scope=\"col\">Day</th>");
        foreach (var series in chart.Series)
        {
            html.Append($"<th scope=\"col\">{E(series.Name)}</th>");
        }

        html.Append("<th scope=\"col\">Total</th></tr></thead><tbody>");
        for (var day = 0; day < chart.Days.Count; day++)
        {
            html.Append($"<tr><th scope=\"row\">{E(chart.Days[day].ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))}</th>");
            foreach (var series in chart.Series)
            {
                html.Append(CultureInfo.InvariantCulture, $"<td>{series.Values[day]}</td>");
            }

            html.Append(CultureInfo.InvariantCulture, $"<td>{chart.TotalOn(day)}</td></tr>");
        }

        html.Append("</tbody></table></div></details>");
    }
}
