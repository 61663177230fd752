using System.Globalization;

namespace TradeAlertBot.Core.Routing;

/// <summary>Hours of the day (in a destination's time zone) when alerts wait: "22:00-07:00" wraps past midnight.</summary>
public sealed record QuietHours(TimeOnly From, TimeOnly To)
{
    public static QuietHours? TryParse(string? text)
    {
        var parts = (text ?? "").Split('-', StringSplitOptions.TrimEntries);
        return parts.Length == 2
               && TimeOnly.TryParseExact(parts[0], ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var from)
               && TimeOnly.TryParseExact(parts[1], ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var to)
               && from != to
            ? new QuietHours(from, to)
            : null;
    }

    public override string ToString() =>
        From.ToString("HH:mm", CultureInfo.InvariantCulture) + "-" + To.ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>When the quiet period containing <paramref name="now"/> ends, or null when it is not quiet now.</summary>
    public DateTimeOffset? EndIfQuiet(DateTimeOffset now, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var time = TimeOnly.FromDateTime(local.DateTime);
        var quiet = From < To ? time >= From && time < To : time >= From || time < To;
        if (!quiet)
        {
            return null;
        }

        var endDate = DateOnly.FromDateTime(local.DateTime).AddDays(From > To && time >= From ? 1 : 0);
        var wall = endDate.ToDateTime(To);
        if (zone.IsInvalidTime(wall))
        {
            wall = wall.AddHours(1);
        }

        return new DateTimeOffset(wall, zone.GetUtcOffset(wall)).ToUniversalTime();
    }
}
