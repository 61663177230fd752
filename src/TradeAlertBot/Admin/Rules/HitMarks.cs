using System.Net;
using System.Text;
using Microsoft.AspNetCore.Html;

namespace TradeAlertBot.Admin.Rules;

/// <summary>
/// Text with the stretches a rule matched wrapped in &lt;mark&gt;: the text between and inside the marks is encoded,
/// so a hostile title stays text. Spans are offsets into <c>text</c>; overlapping or out-of-range ones are merged or clipped.
/// </summary>
public static class HitMarks
{
    public static IHtmlContent Mark(string text, IEnumerable<(int Start, int End)> spans)
    {
        var html = new StringBuilder();
        var at = 0;
        foreach (var (start, end) in Merged(text.Length, spans))
        {
            html.Append(WebUtility.HtmlEncode(text[at..start]))
                .Append("<mark>").Append(WebUtility.HtmlEncode(text[start..end])).Append("</mark>");
            at = end;
        }

        return new HtmlString(html.Append(WebUtility.HtmlEncode(text[at..])).ToString());
    }

    private static List<(int Start, int End)> Merged(int length, IEnumerable<(int Start, int End)> spans)
    {
        var merged = new List<(int Start, int End)>();
        foreach (var (start, end) in spans.Select(s => (Math.Clamp(s.Start, 0, length), Math.Clamp(s.End, 0, length)))
                     .Where(s => s.Item2 > s.Item1).OrderBy(s => s.Item1))
        {
            if (merged.Count > 0 && start <= merged[^1].End)
            {
                merged[^1] = (merged[^1].Start, Math.Max(merged[^1].End, end));
            }
            else
            {
                merged.Add((start, end));
            }
        }

        return merged;
    }
}
