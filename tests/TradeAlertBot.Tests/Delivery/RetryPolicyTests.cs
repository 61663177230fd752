using TradeAlertBot.Deliveries;

namespace TradeAlertBot.Tests.Deliveries;

public sealed class RetryPolicyTests
{
    private static readonly DeliveryOptions Options = new() { RetryDelay = TimeSpan.FromSeconds(10), MaxRetryDelay = TimeSpan.FromMinutes(10) };

    [Theory]
    [InlineData(1, 10)]
    [InlineData(2, 20)]
    [InlineData(4, 80)]
    [InlineData(20, 600)]
    public void Doubles_per_attempt_up_to_the_cap(int attempt, double seconds) =>
        Assert.Equal(seconds, RetryPolicy.Delay(attempt, jitter: 0.5, Options).TotalSeconds, precision: 6);

    [Fact]
    public void Jitter_spreads_a_quarter_either_way()
    {
        Assert.Equal(7.5, RetryPolicy.Delay(1, 0, Options).TotalSeconds, precision: 6);
        Assert.InRange(RetryPolicy.Delay(1, 0.999, Options).TotalSeconds, 12.49, 12.5);
    }
}
