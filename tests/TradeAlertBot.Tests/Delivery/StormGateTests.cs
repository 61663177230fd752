using TradeAlertBot.Deliveries;

namespace TradeAlertBot.Tests.Deliveries;

/// <summary>The storm gate taken by several processes at once (<see cref="SharedDestinationTests"/>).</summary>
public sealed class StormGateTests : SharedDestinationTests
{
    [Fact]
    public async Task Of_many_alerts_racing_through_the_storm_gate_exactly_the_threshold_pass()
    {
        var options = new DeliveryOptions { StormThreshold = 10, StormWindow = TimeSpan.FromMinutes(5) };

        var results = await FromProcessesAsync(25, db => StormGate.TryPassAsync(db, DestinationId, Now, options, CancellationToken.None));

        Assert.Equal(10, results.Count(r => r is null));
        Assert.All(results.Where(r => r is not null), r => Assert.Equal(Now + options.StormWindow, r));
    }
}
