using Moq;
using TradeAlertBot.Core.Alerts;
using TradeAlertBot.Deliveries;
using TradeAlertBot.Storage.Entities;

namespace TradeAlertBot.Tests.Deliveries;

public sealed class DeliverJobTests : IDisposable
{
    private readonly DeliveryHarness _harness = new(new DeliveryOptions { MaxAttempts = 3, RetryDelay = TimeSpan.FromSeconds(10), MaxRetryDelay = TimeSpan.FromSeconds(10) });

    public void Dispose() => _harness.Dispose();

    private void Posts(string messageId) =>
        _harness.Recoverable.Setup(s => s.SendAsync("C1", It.IsAny<Alert>(), It.IsAny<long>(), It.IsAny<CancellationToken>())).ReturnsAsync(messageId);

    private void FindsNothing() =>
        _harness.Recoverable.Setup(s => s.FindSentAsync("C1", It.IsAny<long>(), It.IsAny<DateTimeOffset>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string?)null);

    [Fact]
    public async Task A_new_row_is_posted_once_tagged_with_its_delivery_id_and_recorded_sent()
    {
        var destination = await _harness.AddDestinationAsync();
        var id = await _harness.AddDeliveryAsync(destination.Id);
        Posts("ts-1");

        await _harness.DeliverAsync(id);
        await _harness.DeliverAsync(id); // a duplicated job finds it sent

        var delivery = await _harness.DeliveryAsync(id);
        Assert.Equal((DeliveryState.Sent, "ts-1", 1), (delivery.State, delivery.MessageId, delivery.Attempts));
        _harness.Recoverable.Verify(s => s.SendAsync("C1", It.IsAny<Alert>(), id, It.IsAny<CancellationToken>()), Times.Once);
        _harness.Recoverable.Verify(s => s.FindSentAsync(It.IsAny<string>(), It.IsAny<long>(), It.IsAny<DateTimeOffset>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task An_uncertain_row_found_in_the_channel_is_recorded_and_never_posted_again()
    {
        var destination = await _harness.AddDestinationAsync();
        var id = await _harness.AddDeliveryAsync(destination.Id, d => (d.State, d.Attempts, d.AttemptedAt) = (DeliveryState.Sending, 1, DeliveryHarness.Start));
        _harness.Recoverable.Setup(s => s.FindSentAsync("C1", id, It.IsAny<DateTimeOffset>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync("ts-earlier");

        await _harness.DeliverAsync(id);

        var delivery = await _harness.DeliveryAsync(id);
        Assert.Equal((DeliveryState.Sent, "ts-earlier", 1), (delivery.State, delivery.MessageId, delivery.Attempts));
        _harness.Recoverable.Verify(s => s.SendAsync(It.IsAny<string>(), It.IsAny<Alert>(), It.IsAny<long>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task An_uncertain_row_not_found_is_looked_up_before_it_is_posted()
    {
        var destination = await _harness.AddDestinationAsync();
        var id = await _harness.AddDeliveryAsync(destination.Id, d => (d.State, d.Attempts) = (DeliveryState.Failed, 1));
        var calls = new List<string>();
        _harness.Recoverable.Setup(s => s.FindSentAsync("C1", id, It.IsAny<DateTimeOffset>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()))
            .Callback(() => calls.Add("find")).ReturnsAsync((string?)null);
        _harness.Recoverable.Setup(s => s.SendAsync("C1", It.IsAny<Alert>(), id, It.IsAny<CancellationToken>()))
            .Callback(() => calls.Add("send")).ReturnsAsync("ts-2");

        await _harness.DeliverAsync(id);

        Assert.Equal(["find", "send"], calls);
        Assert.Equal(2, (await _harness.DeliveryAsync(id)).Attempts);
    }

    [Fact]
    public async Task A_transient_failure_is_retried_with_backoff_and_dead_lettered_after_max_attempts()
    {
        var destination = await _harness.AddDestinationAsync();
        var id = await _harness.AddDeliveryAsync(destination.Id);
        FindsNothing();
        _harness.Recoverable.Setup(s => s.SendAsync("C1", It.IsAny<Alert>(), id, It.IsAny<CancellationToken>()))
            .ThrowsAsync(new HttpRequestException("connection reset by peer"));

        for (var attempt = 1; attempt <= 3; attempt++)
        {
            await _harness.DeliverAsync(id);
            Assert.Equal(attempt, (await _harness.DeliveryAsync(id)).Attempts);
            _harness.Time.Advance(TimeSpan.FromSeconds(15)); // past the retry time stored on the row
        }

        var delivery = await _harness.DeliveryAsync(id);
        Assert.Equal(DeliveryState.Dead, delivery.State);
        Assert.Equal("connection reset by peer", delivery.LastError);
        Assert.Equal(2, _harness.Scheduled.Count); // two retries; none after the last attempt
        _harness.Recoverable.Verify(s => s.SendAsync("C1", It.IsAny<Alert>(), id, It.IsAny<CancellationToken>()), Times.Exactly(3));
    }

    [Fact]
    public async Task A_refused_message_is_dead_lettered_at_once_and_the_destination_keeps_working()
    {
        var destination = await _harness.AddDestinationAsync();
        var id = await _harness.AddDeliveryAsync(destination.Id);
        _harness.Recoverable.Setup(s => s.SendAsync("C1", It.IsAny<Alert>(), id, It.IsAny<CancellationToken>()))
            .ThrowsAsync(new AlertDeliveryException(DeliveryFailure.Rejected, "invalid_blocks"));

        await _harness.DeliverAsync(id);

        Assert.Equal((DeliveryState.Dead, 1), ((await _harness.DeliveryAsync(id)).State, (await _harness.DeliveryAsync(id)).Attempts));
        Assert.False((await _harness.DestinationAsync(destination.Id)).Paused);
        Assert.Empty(_harness.Scheduled);
    }

    [Fact]
    public async Task A_429_pushes_the_whole_destination_back_and_the_row_waits_its_turn()
    {
        var destination = await _harness.AddDestinationAsync();
        var limited = await _harness.AddDeliveryAsync(destination.Id);
        var next = await _harness.AddDeliveryAsync(destination.Id);
        _harness.Recoverable.Setup(s => s.SendAsync("C1", It.IsAny<Alert>(), limited, It.IsAny<CancellationToken>()))
            .ThrowsAsync(new AlertDeliveryException(DeliveryFailure.RetryLater, "ratelimited", TimeSpan.FromSeconds(20)));

        await _harness.DeliverAsync(limited);
        _harness.Time.Advance(TimeSpan.FromSeconds(5));
        await _harness.DeliverAsync(next);

        var row = await _harness.DeliveryAsync(limited);
        Assert.Equal((DeliveryState.Pending, 1), (row.State, row.Attempts));
        Assert.Equal(DeliveryHarness.Start.AddSeconds(20), row.SlotAt);
        Assert.True((await _harness.DestinationAsync(destination.Id)).NextSendAt >= DeliveryHarness.Start.AddSeconds(20));
        Assert.Equal(DeliveryState.Pending, (await _harness.DeliveryAsync(next)).State); // not posted into the push-back
        _harness.Recoverable.Verify(s => s.SendAsync("C1", It.IsAny<Alert>(), next, It.IsAny<CancellationToken>()), Times.Never);
        Assert.InRange(_harness.Scheduled[0].TotalSeconds, 20, 21.5); // Retry-After plus the claim margin
    }

    [Fact]
    public async Task A_muted_destination_holds_the_row_for_the_held_alerts_job()
    {
        var destination = await _harness.AddDestinationAsync(d => d.MutedUntil = DeliveryHarness.Start.AddHours(1));
        var id = await _harness.AddDeliveryAsync(destination.Id);

        await _harness.DeliverAsync(id);

        var delivery = await _harness.DeliveryAsync(id);
        Assert.Equal(("mute", DeliveryState.Pending, 0), (delivery.HeldFor, delivery.State, delivery.Attempts));
        _harness.Sender.Verify(s => s.SendAsync(It.IsAny<string>(), It.IsAny<Alert>(), It.IsAny<CancellationToken>()), Times.Never);
    }
}
