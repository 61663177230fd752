using TradeAlertBot.Core.Routing;

namespace TradeAlertBot.Core.Tests.Routing;

public sealed class DigestScheduleTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    [Theory]
    [InlineData("hourly", "hourly")]
    [InlineData("daily", "daily 09:00")]
    [InlineData("daily 7:30", "daily 07:30")]
    [InlineData("daily 18:05", "daily 18:05")]
    public void Parses(string text, string expected) => Assert.Equal(expected, DigestSchedule.TryParse(text)!.ToString());

    [Theory]
    [InlineData("weekly")]
    [InlineData("daily 25:00")]
    [InlineData("daily 9am")]
    [InlineData("")]
    public void Refuses(string text) => Assert.Null(DigestSchedule.TryParse(text));

    [Fact]
    public void Hourly_is_the_next_full_hour() =>
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 11, 0, 0, TimeSpan.Zero),
            DigestSchedule.TryParse("hourly")!.Next(new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.Zero), TimeZoneInfo.Utc));

    [Fact]
    public void Daily_is_at_the_local_time_today_or_tomorrow()
    {
        var nine = DigestSchedule.TryParse("daily 09:00")!;

        // 07:00 UTC in winter is 08:00 in Berlin: today 09:00 local = 08:00 UTC.
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 8, 0, 0, TimeSpan.Zero), nine.Next(new DateTimeOffset(2026, 11, 25, 7, 0, 0, TimeSpan.Zero), Berlin));
        // Past it: tomorrow.
        Assert.Equal(new DateTimeOffset(2026, 11, 26, 8, 0, 0, TimeSpan.Zero), nine.Next(new DateTimeOffset(2026, 11, 25, 8, 0, 0, TimeSpan.Zero), Berlin));
        // Summer time: 09:00 in Berlin is 07:00 UTC.
        Assert.Equal(new DateTimeOffset(2026, 7, 1, 7, 0, 0, TimeSpan.Zero), nine.Next(new DateTimeOffset(2026, 7, 1, 1, 0, 0, TimeSpan.Zero), Berlin));
    }

    [Fact]
    public void A_time_skipped_by_the_clock_change_moves_to_the_first_valid_moment() =>
        // 29 March 2026: Berlin jumps from 02:00 to 03:00; "daily 02:30" happens at 03:30 local = 01:30 UTC.
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 1, 30, 0, TimeSpan.Zero),
            DigestSchedule.TryParse("daily 02:30")!.Next(new DateTimeOffset(2026, 3, 28, 23, 0, 0, TimeSpan.Zero), Berlin));
}
