using TradeAlertBot.Core.Routing;

namespace TradeAlertBot.Core.Tests.Routing;

public sealed class BackoffTests
{
    public static TheoryData<string, double, int, double, double, double> Cases => new()
    {
        // because, first (s), attempt, cap (s), jitter, expected (s)
        { "the first failure waits the first delay", 10, 1, 600, 0.5, 10 },
        { "each failure doubles the delay", 10, 3, 600, 0.5, 40 },
        { "the delay never passes the cap", 10, 20, 600, 0.5, 600 },
        { "a huge failure count stays at the cap", 10, 10_000, 600, 0.5, 600 },
        { "an attempt below one counts as the first", 10, 0, 600, 0.5, 10 },
        { "no jitter takes a quarter off", 10, 1, 600, 0, 7.5 },
        { "full jitter adds almost a quarter", 10, 1, 600, 0.999, 12.495 },
        { "jitter spreads the capped delay too", 10, 20, 600, 0, 450 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Backs_off_exponentially_with_jitter_up_to_the_cap(string because, double first, int attempt, double cap, double jitter, double expected)
    {
        var delay = Backoff.Exponential(TimeSpan.FromSeconds(first), attempt, TimeSpan.FromSeconds(cap), jitter);

        Assert.True(Math.Abs(expected - delay.TotalSeconds) < 0.001, $"{because}: {delay.TotalSeconds} s, not {expected} s");
    }
}
