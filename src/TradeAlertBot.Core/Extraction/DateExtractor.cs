using System.Globalization;
using System.Text.RegularExpressions;

namespace TradeAlertBot.Core.Extraction;

/// <summary>
/// Calendar dates ("April 9", "9 April 2025", "May 1st", "2025-05-01"). A date without a year is placed in the window
/// from three months before to nine months after the reference (published) date — news looks ahead more than back —
/// so "January 5" in a December item is next January and "30 October" in an April item is this October. A date is
/// effective when introduced as a start: effective, take(s) effect, from, starting, beginning, as of, on or after,
/// come(s)/enter(s) into force.
/// </summary>
public static partial class DateExtractor
{
    public static IEnumerable<DateFact> Extract(string text, DateOnly reference)
    {
        foreach (Match m in Date().Matches(text))
        {
            if (Resolve(m, reference) is not { } date)
            {
                continue;
            }

            var before = text[Math.Max(0, m.Index - 40)..m.Index];
            yield return new DateFact(m.Value, date, Effective().IsMatch(before));
        }
    }

    private static DateOnly? Resolve(Match m, DateOnly reference)
    {
        int year, month, day;
        if (m.Groups["iso"].Success)
        {
            (year, month, day) = (Int(m.Groups["iy"]), Int(m.Groups["im"]), Int(m.Groups["id"]));
        }
        else
        {
            month = Month(m.Groups["m1"].Success ? m.Groups["m1"].Value : m.Groups["m2"].Value);
            day = Int(m.Groups["d1"].Success ? m.Groups["d1"] : m.Groups["d2"]);
            var y = m.Groups["y1"].Success ? m.Groups["y1"] : m.Groups["y2"];
            year = y.Success ? Int(y) : YearNear(month, day, reference);
        }

        return month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(Math.Clamp(year, 1, 9999), month) && year is >= 1900 and <= 2200
            ? new DateOnly(year, month, day)
            : null;
    }

    private static int YearNear(int month, int day, DateOnly reference)
    {
        foreach (var year in new[] { reference.Year, reference.Year + 1, reference.Year - 1 })
        {
            if (month is >= 1 and <= 12 && day <= DateTime.DaysInMonth(year, month))
            {
                var offset = new DateOnly(year, month, day).DayNumber - reference.DayNumber;
                if (offset is >= -92 and <= 273)
                {
                    return year;
                }
            }
        }

        return reference.Year;
    }

    private static int Int(Group g) => int.Parse(g.Value, NumberStyles.None, CultureInfo.InvariantCulture);

    private static int Month(string name) => name[..3].ToLowerInvariant() switch
    {
        "jan" => 1, "feb" => 2, "mar" => 3, "apr" => 4, "may" => 5, "jun" => 6,
        "jul" => 7, "aug" => 8, "sep" => 9, "oct" => 10, "nov" => 11, "dec" => 12, _ => 0,
    };

    private const string MonthName =
        "January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec";

    [GeneratedRegex(
        @"(?<iso>\b(?<iy>\d{4})-(?<im>\d{2})-(?<id>\d{2})\b)"
        + @"|\b(?<m1>" + MonthName + @")\.?\s+(?<d1>\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(?<y1>\d{4})\b)?"
        + @"|\b(?<d2>\d{1,2})(?:st|nd|rd|th)?\s+(?<m2>" + MonthName + @")\b\.?(?:,?\s+(?<y2>\d{4})\b)?")]
    private static partial Regex Date();

    [GeneratedRegex(@"\b(?:effective(?:\s+(?:from|on|as\s+of))?|takes?\s+effect(?:\s+on)?|took\s+effect(?:\s+on)?|from|starting(?:\s+on)?|beginning(?:\s+on)?|as\s+of|on\s+or\s+after|(?:comes?|came|enters?|entered)\s+into\s+force(?:\s+on)?|in\s+force\s+from)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex Effective();
}
