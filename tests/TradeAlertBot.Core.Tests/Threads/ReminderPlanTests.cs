using TradeAlertBot.Core.Threads;

namespace TradeAlertBot.Core.Tests.Threads;

public sealed class ReminderPlanTests
{
    private static readonly DateOnly Effective = new(2027, 1, 2);
    private static readonly DateOnly Comments = new(2027, 1, 15);

    [Fact]
    public void The_default_is_one_day_before_and_on_the_day_at_nine_utc()
    {
        var plan = ReminderPlan.For(Effective, Comments, ReminderSettings.From(null, comments: false), TimeZoneInfo.Utc);

        Assert.Equal([new DateTimeOffset(2027, 1, 1, 9, 0, 0, TimeSpan.Zero), new DateTimeOffset(2027, 1, 2, 9, 0, 0, TimeSpan.Zero)], plan.Select(p => p.DueAt));
        Assert.Equal(["Reminder: takes effect in 1 day (2 Jan 2027).", "Reminder: takes effect today (2 Jan 2027)."], plan.Select(p => p.Text));
    }

    [Fact]
    public void Nine_oclock_is_in_the_channels_time_zone()
    {
        var newYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

        var plan = ReminderPlan.For(Effective, null, ReminderSettings.From("3d", comments: false), newYork);

        Assert.Equal(new DateTimeOffset(2026, 12, 30, 14, 0, 0, TimeSpan.Zero), plan[0].DueAt);
        Assert.Equal("Reminder: takes effect in 3 days (2 Jan 2027).", plan[0].Text);
    }

    [Theory]
    [InlineData("off", false, 0)]
    [InlineData("off", true, 2)]
    [InlineData("1d", true, 4)]
    [InlineData("3d", false, 2)]
    public void Off_drops_effective_dates_and_comment_deadlines_come_only_when_asked(string remind, bool comments, int count) =>
        Assert.Equal(count, ReminderPlan.For(Effective, Comments, ReminderSettings.From(remind, comments), TimeZoneInfo.Utc).Count);
}
