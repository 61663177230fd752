using TradeAlertBot.Admin.Overview;

namespace TradeAlertBot.Tests.Admin.Overview;

public sealed class DeliveryLatencyTests
{
    [Fact]
    public void Percentiles_are_nearest_rank_over_the_sorted_waits()
    {
        var waits = Enumerable.Range(1, 200).Select(s => TimeSpan.FromSeconds(s)).ToList();

        Assert.Equal(TimeSpan.FromSeconds(100), DeliveryLatency.Percentile(waits, 0.50));
        Assert.Equal(TimeSpan.FromSeconds(198), DeliveryLatency.Percentile(waits, 0.99));
        Assert.Equal(TimeSpan.FromSeconds(7), DeliveryLatency.Percentile([TimeSpan.FromSeconds(7)], 0.99));
        Assert.Null(DeliveryLatency.Percentile([], 0.5));
    }

    [Theory]
    [InlineData(0.25, "250 ms")]
    [InlineData(12, "12 s")]
    [InlineData(210, "3.5 min")]
    [InlineData(7560, "2.1 h")]
    public void Waits_are_shown_in_the_unit_people_read(double seconds, string shown)
    {
        Assert.Equal(shown, DeliveryLatency.Shown(TimeSpan.FromSeconds(seconds)));
    }
}
