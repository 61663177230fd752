using Moq;
using TradeAlertBot.Core.Alerts;
using TradeAlertBot.Deliveries;
using TradeAlertBot.Storage.Entities;

namespace TradeAlertBot.Tests.Deliveries;

/// <summary>Held alerts go out through the same path as immediate ones (AlertPoster): tagged, counted, looked up.</summary>
public sealed class HeldAlertsJobTests : IDisposable
{
    private readonly DeliveryHarness _harness = new(new DeliveryOptions { MaxAttempts = 3 });

    public void Dispose() => _harness.Dispose();

    private Task<long> HeldAsync(long destinationId, string reason, DeliveryState state = DeliveryState.Pending) =>
        _harness.AddDeliveryAsync(destinationId, d => (d.HeldFor, d.State, d.Attempts) = (reason, state, state == DeliveryState.Pending ? 0 : 1));

    [Fact]
    public async Task One_held_alert_goes_out_as_itself_tagged_for_the_lookup()
    {
        var destination = await _harness.AddDestinationAsync(d => d.MutedUntil = DeliveryHarness.Start.AddMinutes(-1)); // the mute just ended
        var id = await HeldAsync(destination.Id, "mute");
        _harness.Recoverable.Setup(s => s.SendAsync("C1", It.IsAny<Alert>(), id, It.IsAny<CancellationToken>())).ReturnsAsync("ts-1");

        await _harness.ReleaseHeldAsync();

        var delivery = await _harness.DeliveryAsync(id);
        Assert.Equal((DeliveryState.Sent, "ts-1", 1, null), (delivery.State, delivery.MessageId, delivery.Attempts, delivery.HeldFor));
        _harness.Sender.Verify(s => s.SendDigestAsync(It.IsAny<string>(), It.IsAny<IReadOnlyList<Alert>>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task Several_held_alerts_go_out_as_one_digest_and_each_row_counts_it()
    {
        var destination = await _harness.AddDestinationAsync();
        long[] ids = [await HeldAsync(destination.Id, "quiet"), await HeldAsync(destination.Id, "storm"), await HeldAsync(destination.Id, "quiet")];
        _harness.Sender.Setup(s => s.SendDigestAsync("C1", It.Is<IReadOnlyList<Alert>>(a => a.Count == 3), It.IsAny<CancellationToken>())).ReturnsAsync("ts-digest");

        await _harness.ReleaseHeldAsync();

        foreach (var id in ids)
        {
            var delivery = await _harness.DeliveryAsync(id);
            Assert.Equal((DeliveryState.Sent, 1), (delivery.State, delivery.Attempts));
            Assert.Null(delivery.MessageId); // an outlet update edits one alert, never the digest
        }

        _harness.Sender.Verify(s => s.SendDigestAsync("C1", It.IsAny<IReadOnlyList<Alert>>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Theory]
    [InlineData("a mute still on", "mute")]
    [InlineData("quiet hours still on", "quiet")]
    public async Task Nothing_goes_out_while_the_hold_lasts(string because, string reason)
    {
        var destination = await _harness.AddDestinationAsync(d =>
        {
            d.MutedUntil = reason == "mute" ? DeliveryHarness.Start.AddHours(1) : null;
            (d.QuietHours, d.TimeZone) = reason == "quiet" ? ("11:00-13:00", "UTC") : (null, null);
        });
        var id = await HeldAsync(destination.Id, reason);

        await _harness.ReleaseHeldAsync();

        Assert.True((await _harness.DeliveryAsync(id)).State == DeliveryState.Pending, because);
        Assert.DoesNotContain(_harness.Sender.Invocations, i => i.Method.Name.StartsWith("Send", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_interrupted_held_alert_is_looked_up_and_not_posted_twice()
    {
        var destination = await _harness.AddDestinationAsync();
        var id = await HeldAsync(destination.Id, "mute", DeliveryState.Sending);
        _harness.Recoverable.Setup(s => s.FindSentAsync("C1", id, It.IsAny<DateTimeOffset>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync("ts-earlier");

        await _harness.ReleaseHeldAsync();

        var delivery = await _harness.DeliveryAsync(id);
        Assert.Equal((DeliveryState.Sent, "ts-earlier", 1), (delivery.State, delivery.MessageId, delivery.Attempts));
        _harness.Recoverable.Verify(s => s.SendAsync(It.IsAny<string>(), It.IsAny<Alert>(), It.IsAny<long>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task A_refused_held_alert_is_dead_lettered_not_retried_every_minute()
    {
        var destination = await _harness.AddDestinationAsync();
        var id = await HeldAsync(destination.Id, "digest");
        _harness.Recoverable.Setup(s => s.SendAsync("C1", It.IsAny<Alert>(), id, It.IsAny<CancellationToken>()))
            .ThrowsAsync(new AlertDeliveryException(DeliveryFailure.Rejected, "invalid_blocks"));

        await _harness.ReleaseHeldAsync();
        _harness.Time.Advance(TimeSpan.FromMinutes(1));
        await _harness.ReleaseHeldAsync();

        Assert.Equal((DeliveryState.Dead, 1), ((await _harness.DeliveryAsync(id)).State, (await _harness.DeliveryAsync(id)).Attempts));
        _harness.Recoverable.Verify(s => s.SendAsync("C1", It.IsAny<Alert>(), id, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task A_429_on_a_digest_pushes_the_destination_back_and_keeps_the_rows()
    {
        var destination = await _harness.AddDestinationAsync();
        long[] ids = [await HeldAsync(destination.Id, "storm"), await HeldAsync(destination.Id, "storm")];
        _harness.Sender.Setup(s => s.SendDigestAsync("C1", It.IsAny<IReadOnlyList<Alert>>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new AlertDeliveryException(DeliveryFailure.RetryLater, "ratelimited", TimeSpan.FromSeconds(30)));

        await _harness.ReleaseHeldAsync();
        _harness.Time.Advance(TimeSpan.FromSeconds(10));
        await _harness.ReleaseHeldAsync(); // still pushed back: not sent again

        foreach (var id in ids)
        {
            Assert.Equal(DeliveryState.Pending, (await _harness.DeliveryAsync(id)).State);
        }

        Assert.True((await _harness.DestinationAsync(destination.Id)).NextSendAt >= DeliveryHarness.Start.AddSeconds(30));
        _harness.Sender.Verify(s => s.SendDigestAsync("C1", It.IsAny<IReadOnlyList<Alert>>(), It.IsAny<CancellationToken>()), Times.Once);
    }
}
