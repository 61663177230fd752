using TradeAlertBot.Core.Routing;

namespace TradeAlertBot.Core.Tests.Routing;

public sealed class QuietHoursTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private static DateTimeOffset Utc(int day, int hour, int minute = 0) => new(2026, 11, day, hour, minute, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("22:00-07:00", "22:00-07:00")]
    [InlineData("9:30-12:00", "09:30-12:00")]
    public void Parses(string text, string expected) => Assert.Equal(expected, QuietHours.TryParse(text)!.ToString());

    [Theory]
    [InlineData("22:00")]
    [InlineData("22:00-22:00")]
    [InlineData("25:00-07:00")]
    [InlineData("night")]
    public void Refuses(string text) => Assert.Null(QuietHours.TryParse(text));

    [Fact]
    public void Overnight_hours_end_the_next_morning_local_time()
    {
        var night = QuietHours.TryParse("22:00-07:00")!;

        // 22:30 UTC = 23:30 Berlin (winter): quiet until 07:00 Berlin = 06:00 UTC next day.
        Assert.Equal(Utc(26, 6), night.EndIfQuiet(Utc(25, 22, 30), Berlin));
        // 03:00 UTC = 04:00 Berlin: quiet until 06:00 UTC the same day.
        Assert.Equal(Utc(25, 6), night.EndIfQuiet(Utc(25, 3), Berlin));
        // 12:00 UTC: not quiet.
        Assert.Null(night.EndIfQuiet(Utc(25, 12), Berlin));
    }

    [Fact]
    public void Daytime_hours_end_the_same_day() =>
        Assert.Equal(Utc(25, 12), QuietHours.TryParse("09:00-12:00")!.EndIfQuiet(Utc(25, 10), TimeZoneInfo.Utc));
}
