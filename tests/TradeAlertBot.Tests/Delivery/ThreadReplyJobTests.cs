using Microsoft.EntityFrameworkCore;
using Moq;
using TradeAlertBot.Core.Alerts;
using TradeAlertBot.Storage.Entities;

namespace TradeAlertBot.Tests.Deliveries;

public sealed class ThreadReplyJobTests : IDisposable
{
    private readonly DeliveryHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    private async Task<long> AddReplyAsync(Action<Delivery> alert)
    {
        var destination = await _harness.AddDestinationAsync();
        var deliveryId = await _harness.AddDeliveryAsync(destination.Id, alert);
        await using var db = _harness.Open();
        var reply = new ThreadReply
        {
            DeliveryId = deliveryId, EventKey = "published:2026-23456", Text = "Published in the Federal Register on 3 Dec 2026.",
            DueAt = _harness.Time.GetUtcNow(), State = DeliveryState.Pending, CreatedAt = _harness.Time.GetUtcNow(),
        };
        db.ThreadReplies.Add(reply);
        await db.SaveChangesAsync();
        return reply.Id;
    }

    private async Task<ThreadReply> ReplyAsync(long id)
    {
        await using var db = _harness.Open();
        return await db.ThreadReplies.AsNoTracking().SingleAsync(r => r.Id == id);
    }

    private static void Sent(Delivery d) => (d.State, d.MessageId) = (DeliveryState.Sent, "1700000000.000100");

    [Fact]
    public async Task A_due_reply_is_posted_once_in_its_alerts_thread()
    {
        var id = await AddReplyAsync(Sent);
        _harness.Threaded.Setup(s => s.ReplyAsync("C1", "1700000000.000100", "Published in the Federal Register on 3 Dec 2026.", It.IsAny<CancellationToken>()))
            .ReturnsAsync("1700000001.000200");

        await _harness.SendThreadRepliesAsync();
        await _harness.SendThreadRepliesAsync();

        _harness.Threaded.Verify(s => s.ReplyAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Once);
        var reply = await ReplyAsync(id);
        Assert.Equal((DeliveryState.Sent, "1700000001.000200", 1), (reply.State, reply.MessageId, reply.Attempts));
    }

    [Fact]
    public async Task A_reply_waits_until_its_alert_has_a_message_id()
    {
        var id = await AddReplyAsync(d => d.State = DeliveryState.Sending);

        await _harness.SendThreadRepliesAsync();

        Assert.Equal(DeliveryState.Pending, (await ReplyAsync(id)).State);
        _harness.Threaded.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task A_rate_limited_reply_waits_for_retry_after_without_counting_an_attempt_then_goes_once()
    {
        var id = await AddReplyAsync(Sent);
        _harness.Threaded.SetupSequence(s => s.ReplyAsync("C1", "1700000000.000100", It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new AlertDeliveryException(DeliveryFailure.RetryLater, "ratelimited", TimeSpan.FromSeconds(30)))
            .ReturnsAsync("1700000031.000300");

        await _harness.SendThreadRepliesAsync();
        var waiting = await ReplyAsync(id);
        await _harness.SendThreadRepliesAsync();
        _harness.Time.Advance(TimeSpan.FromSeconds(31));
        await _harness.SendThreadRepliesAsync();

        Assert.Equal((DeliveryState.Pending, 0, _harness.Time.GetUtcNow().AddSeconds(-1)), (waiting.State, waiting.Attempts, waiting.ClaimedUntil));
        _harness.Threaded.Verify(s => s.ReplyAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Exactly(2));
        Assert.Equal(DeliveryState.Sent, (await ReplyAsync(id)).State);
    }
}
