using TradeAlertBot.Deliveries;

namespace TradeAlertBot.Tests.Deliveries;

/// <summary>The send slot taken by several processes at once (<see cref="SharedDestinationTests"/>).</summary>
public sealed class SendSlotsTests : SharedDestinationTests
{
    [Fact]
    public async Task Of_many_processes_trying_at_once_exactly_one_takes_the_send_slot()
    {
        var results = await FromProcessesAsync(8, db => SendSlots.TryTakeAsync(db, DestinationId, TimeSpan.FromSeconds(1), Now, CancellationToken.None));

        Assert.Single(results, r => r is null);
        Assert.All(results.Where(r => r is not null), r => Assert.Equal(Now + TimeSpan.FromSeconds(1), r));
    }

    [Fact]
    public async Task The_slot_frees_after_the_interval()
    {
        await using var db = await Database.OpenAsync();

        Assert.Null(await SendSlots.TryTakeAsync(db, DestinationId, TimeSpan.FromSeconds(1), Now, CancellationToken.None));
        Assert.NotNull(await SendSlots.TryTakeAsync(db, DestinationId, TimeSpan.FromSeconds(1), Now.AddMilliseconds(999), CancellationToken.None));
        Assert.Null(await SendSlots.TryTakeAsync(db, DestinationId, TimeSpan.FromSeconds(1), Now.AddSeconds(1), CancellationToken.None));
    }
}
