using System.Globalization;
using System.Text.RegularExpressions;
using TradeAlertBot.Admin.Charts;

namespace TradeAlertBot.Tests.Admin.Charts;

public sealed partial class SvgBarChartTests
{
    private static readonly DateOnly Last = new(2026, 3, 20);

    [Fact]
    public void Bars_are_as_tall_as_their_counts_and_stack_per_day()
    {
        var chart = Chart(("steel", [0, 10, 5]), ("solar", [0, 10, 0]));

        var heights = BarHeights(Render(chart));

        // Day 2 holds the maximum (20): each of its two bars is half the plot, day 3's bar a quarter.
        Assert.Equal(3, heights.Count);
        Assert.Equal(heights[0], heights[1], 2);
        Assert.Equal(heights[0] / 2, heights[2], 2);
    }

    [Fact]
    public void A_chart_without_counts_draws_no_bars_and_says_so()
    {
        var html = Render(Chart(("steel", [0, 0, 0])));

        Assert.Empty(BarHeights(html));
        Assert.Contains("No alerts in these days", html);
        Assert.Contains("aria-label=\"Alerts per day: no alerts from Mar 18 to Mar 20.\"", html);
    }

    [Fact]
    public void A_hostile_series_name_is_encoded_in_the_legend_the_table_and_the_bar_titles()
    {
        var html = Render(Chart(("<script>alert(1)</script>", [1, 2, 3]), ("x\" onload=\"alert(2)", [1, 0, 0])));

        Assert.DoesNotContain("<script>", html);
        Assert.DoesNotContain("\" onload=\"", html);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);
        Assert.Contains("x&quot; onload=&quot;alert(2)", html);
    }

    [Fact]
    public void The_image_is_named_by_a_summary_and_the_numbers_are_also_a_table()
    {
        var html = Render(Chart(("steel", [1, 4, 2])));

        Assert.Contains("role=\"img\"", html);
        Assert.Contains("<title>Alerts per day</title>", html);
        Assert.Contains("Alerts per day: 7 alerts from Mar 18 to Mar 20; most on Mar 19 (4).", html);
        Assert.Contains("<tr><th scope=\"row\">2026-03-19</th><td>4</td><td>4</td></tr>", html);
    }

    [Fact]
    public void With_several_series_the_summary_names_the_largest()
    {
        var summary = SvgBarChart.Summary(Chart(("solar", [0, 1, 0]), ("steel", [2, 2, 3]), ("chips", [1, 0, 1]), ("wheat", [0, 0, 0])));

        Assert.Equal("Alerts per day: 10 alerts from Mar 18 to Mar 20; most on Mar 20 (4); largest: steel 7, chips 2, solar 1.", summary);
    }

    private static DailyChart Chart(params (string Name, int[] Values)[] series) =>
        new("Alerts per day", "alerts", [Last.AddDays(-2), Last.AddDays(-1), Last], series.Select(s => new ChartSeries(s.Name, s.Values)).ToList());

    private static string Render(DailyChart chart)
    {
        using var writer = new StringWriter();
        SvgBarChart.Render(chart).WriteTo(writer, System.Text.Encodings.Web.HtmlEncoder.Default);
        return writer.ToString();
    }

    private static List<double> BarHeights(string html) =>
        [.. BarHeight().Matches(html).Select(m => double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture))];

    [GeneratedRegex("<rect [^>]*height=\"([0-9.]+)\"")]
    private static partial Regex BarHeight();
}
