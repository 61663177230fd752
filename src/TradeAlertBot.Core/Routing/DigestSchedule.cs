using System.Globalization;

namespace TradeAlertBot.Core.Routing;

/// <summary>
/// When a digest destination gets its batch: "hourly" (on the hour) or "daily HH:mm" in the destination's time
/// zone, so "daily 09:00" in Europe/Berlin follows daylight saving.
/// </summary>
public sealed record DigestSchedule(bool Hourly, TimeOnly At)
{
    public static DigestSchedule? TryParse(string? text)
    {
        var parts = (text ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return parts switch
        {
            ["hourly"] => new DigestSchedule(true, TimeOnly.MinValue),
            ["daily"] => new DigestSchedule(false, new TimeOnly(9, 0)),
            ["daily", var at] when TimeOnly.TryParseExact(at, ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
                => new DigestSchedule(false, time),
            _ => null,
        };
    }

    public override string ToString() => Hourly ? "hourly" : "daily " + At.ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>The first digest time strictly after <paramref name="now"/>.</summary>
    public DateTimeOffset Next(DateTimeOffset now, TimeZoneInfo zone)
    {
        if (Hourly)
        {
            var hour = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, 0, 0, now.Offset);
            return hour.AddHours(1);
        }

        var local = TimeZoneInfo.ConvertTime(now, zone);
        for (var day = 0; day <= 2; day++)
        {
            var date = DateOnly.FromDateTime(local.DateTime).AddDays(day);
            var wall = date.ToDateTime(At);
            if (zone.IsInvalidTime(wall))
            {
                wall = wall.AddHours(1); // skipped by a clock change: the first valid moment after it
            }

            var candidate = new DateTimeOffset(wall, zone.GetUtcOffset(wall));
            if (candidate > now)
            {
                return candidate.ToUniversalTime();
            }
        }

        throw new InvalidOperationException("digest: no next time found"); // unreachable: tomorrow is always later
    }
}
