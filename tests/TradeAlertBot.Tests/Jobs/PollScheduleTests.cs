using TradeAlertBot.Jobs;

namespace TradeAlertBot.Tests.Jobs;

public class PollScheduleTests
{
    private static readonly TimeSpan FiveMinutes = TimeSpan.FromMinutes(5);

    [Fact]
    public void After_success_the_feed_waits_its_interval_or_what_the_publisher_asks_if_longer()
    {
        Assert.Equal(FiveMinutes, PollSchedule.AfterSuccess(FiveMinutes, null, TimeSpan.FromMinutes(1)));
        Assert.Equal(TimeSpan.FromMinutes(60), PollSchedule.AfterSuccess(FiveMinutes, TimeSpan.FromMinutes(60), null));
        Assert.Equal(TimeSpan.FromDays(1), PollSchedule.AfterSuccess(FiveMinutes, TimeSpan.FromDays(30)));
    }

    [Theory]
    [InlineData(1, 3.75, 6.25)]
    [InlineData(2, 7.5, 12.5)]
    [InlineData(3, 15, 25)]
    public void Errors_back_off_exponentially_with_jitter(int errors, double minMinutes, double maxMinutes)
    {
        foreach (var jitter in new[] { 0.0, 0.5, 0.999 })
        {
            Assert.InRange(PollSchedule.AfterError(FiveMinutes, errors, jitter).TotalMinutes, minMinutes, maxMinutes);
        }
    }

    [Fact]
    public void A_feed_that_keeps_failing_is_retried_daily_never_given_up()
    {
        Assert.Equal(TimeSpan.FromDays(1), PollSchedule.AfterError(FiveMinutes, 500, 0.5));
    }

    [Fact]
    public void Retry_after_is_honoured_when_longer_than_the_backoff()
    {
        Assert.Equal(TimeSpan.FromHours(2), PollSchedule.AfterError(FiveMinutes, 1, 0.5, TimeSpan.FromHours(2)));
    }
}
