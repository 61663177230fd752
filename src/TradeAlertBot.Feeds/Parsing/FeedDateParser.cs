using System.Globalization;
using System.Text.RegularExpressions;

namespace TradeAlertBot.Feeds.Parsing;

/// <summary>
/// Reads the dates feeds actually carry: RFC 822/2822 (RSS, often with zone names such as EST or no day name) and
/// ISO 8601 / RFC 3339 (Atom, Dublin Core). Anything unreadable or out of range gives null, never an exception.
/// </summary>
internal static partial class FeedDateParser
{
    private static readonly string[] Months =
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    // RFC 2822 section 4.3 names; other alphabetic zones "SHOULD be considered equivalent to -0000".
    private static readonly Dictionary<string, int> ZoneHours = new(StringComparer.OrdinalIgnoreCase)
    {
        ["GMT"] = 0, ["UT"] = 0, ["UTC"] = 0, ["Z"] = 0,
        ["EST"] = -5, ["EDT"] = -4, ["CST"] = -6, ["CDT"] = -5, ["MST"] = -7, ["MDT"] = -6, ["PST"] = -8, ["PDT"] = -7,
        ["CET"] = 1, ["CEST"] = 2, ["EET"] = 2, ["EEST"] = 3, ["WET"] = 0, ["WEST"] = 1, ["MSK"] = 3, ["JST"] = 9,
    };

    public static DateTimeOffset? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        text = text.Trim();
        return ParseRfc822(text) ?? ParseIso8601(text);
    }

    private static DateTimeOffset? ParseRfc822(string text)
    {
        var m = Rfc822().Match(text);
        if (!m.Success)
        {
            return null;
        }

        var month = Array.IndexOf(Months, m.Groups["month"].Value[..3].ToLowerInvariant()) + 1;
        var year = Number(m.Groups["year"]);
        if (m.Groups["year"].Length == 2)
        {
            year += year < 50 ? 2000 : 1900; // RFC 2822 section 4.3
        }

        var offset = ParseZone(m.Groups["zone"].Value);
        if (month == 0 || offset is null)
        {
            return null;
        }

        return Create(year, month, Number(m.Groups["day"]), Number(m.Groups["hour"]), Number(m.Groups["minute"]),
            m.Groups["second"].Success ? Number(m.Groups["second"]) : 0, 0, offset.Value);
    }

    private static DateTimeOffset? ParseIso8601(string text)
    {
        var m = Iso8601().Match(text);
        if (!m.Success)
        {
            return null;
        }

        var offset = m.Groups["zone"].Success ? ParseZone(m.Groups["zone"].Value) : TimeSpan.Zero;
        if (offset is null)
        {
            return null;
        }

        var fraction = m.Groups["fraction"].Value;
        var ticks = fraction.Length == 0 ? 0 : (long)(double.Parse("0." + fraction, CultureInfo.InvariantCulture) * TimeSpan.TicksPerSecond);
        return Create(Number(m.Groups["year"]), Number(m.Groups["month"]), Number(m.Groups["day"]),
            m.Groups["hour"].Success ? Number(m.Groups["hour"]) : 0,
            m.Groups["minute"].Success ? Number(m.Groups["minute"]) : 0,
            m.Groups["second"].Success ? Number(m.Groups["second"]) : 0,
            ticks, offset.Value);
    }

    private static TimeSpan? ParseZone(string zone)
    {
        if (zone.Length == 0)
        {
            return TimeSpan.Zero;
        }

        if (zone[0] is '+' or '-')
        {
            var digits = zone[1..].Replace(":", "", StringComparison.Ordinal);
            var hours = int.Parse(digits[..2], CultureInfo.InvariantCulture);
            var minutes = digits.Length >= 4 ? int.Parse(digits[2..4], CultureInfo.InvariantCulture) : 0;

            // DateTimeOffset allows ±14:00; "+3000" (seen in a real podcast feed) is not a zone at all.
            if (hours > 14 || minutes > 59 || (hours == 14 && minutes > 0))
            {
                return null;
            }

            var offset = new TimeSpan(hours, minutes, 0);
            return zone[0] == '-' ? -offset : offset;
        }

        return ZoneHours.TryGetValue(zone, out var named) ? TimeSpan.FromHours(named) : TimeSpan.Zero;
    }

    private static DateTimeOffset? Create(int year, int month, int day, int hour, int minute, int second, long ticks, TimeSpan offset)
    {
        if (year is < 1 or > 9999 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || hour > 23 || minute > 59 || second > 60)
        {
            return null;
        }

        try
        {
            // A leap second (":60") is read as the next second's start, as RFC 3339 section 5.7 allows.
            var local = new DateTime(year, month, day, hour, minute, Math.Min(second, 59), DateTimeKind.Unspecified)
                .AddTicks(ticks + (second == 60 ? TimeSpan.TicksPerSecond : 0));
            return new DateTimeOffset(local, offset); // throws when the offset pushes the instant past year 9999
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    private static int Number(Group group) => int.Parse(group.Value, CultureInfo.InvariantCulture);

    [GeneratedRegex("""
        ^(?:[A-Za-z]{2,9}\.?,?\s*)?(?<day>\d{1,2})[\s-]+(?<month>[A-Za-z]{3,9})\.?[\s-]+(?<year>\d{4}|\d{2})
        (?:\s+|T)(?<hour>\d{1,2}):(?<minute>\d{2})(?::(?<second>\d{2}))?(?:\.\d+)?
        \s*(?<zone>[+-]\d{2}:?\d{2}|[A-Za-z]{1,5})?$
        """, RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex Rfc822();

    [GeneratedRegex("""
        ^(?<year>\d{4})-(?<month>\d{2})-(?<day>\d{2})
        (?:[Tt\s](?<hour>\d{2}):(?<minute>\d{2})(?::(?<second>\d{2})(?:[.,](?<fraction>\d{1,9}))?)?)?
        \s*(?<zone>[Zz]|[+-]\d{2}(?::?\d{2})?)?$
        """, RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex Iso8601();
}
