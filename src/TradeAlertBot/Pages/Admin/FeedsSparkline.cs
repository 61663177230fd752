using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace TradeAlertBot.Pages.Admin;

/// <summary>
/// A feed's items per day as a tiny inline SVG line, drawn on the server (no script). Its accessible name says the
/// numbers in words; every text that goes into the markup is encoded.
/// </summary>
public static class FeedsSparkline
{
    private const int Width = 120;
    private const int Height = 24;

    public static IHtmlContent Render(IReadOnlyList<int> perDay, string label)
    {
        var max = Math.Max(1, perDay.Count == 0 ? 1 : perDay.Max());
        var step = perDay.Count > 1 ? (double)Width / (perDay.Count - 1) : 0;
        var points = string.Join(' ', perDay.Select((n, i) =>
            Number(i * step) + "," + Number(Height - 2 - (double)n / max * (Height - 4))));
        var name = HtmlEncoder.Default.Encode(label);
        var svg = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"<svg class=\"spark\" role=\"img\" aria-label=\"{name}\" viewBox=\"0 0 {Width} {Height}\" width=\"{Width}\" height=\"{Height}\">")
            .Append(CultureInfo.InvariantCulture, $"<title>{name}</title>")
            .Append(CultureInfo.InvariantCulture, $"<polyline fill=\"none\" stroke=\"currentColor\" stroke-width=\"1.5\" points=\"{points}\"/>")
            .Append("</svg>");
        return new HtmlString(svg.ToString());
    }

    /// <summary>"12 items in 14 days, most 5 a day, 3 today" for the chart's label.</summary>
    public static string Describe(IReadOnlyList<int> perDay) =>
        $"{perDay.Sum()} item(s) in {perDay.Count} days, most {(perDay.Count == 0 ? 0 : perDay.Max())} a day, {(perDay.Count == 0 ? 0 : perDay[^1])} today";

    private static string Number(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
