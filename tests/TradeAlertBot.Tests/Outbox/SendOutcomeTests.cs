using TradeAlertBot.Core.Alerts;
using TradeAlertBot.Outbox;

namespace TradeAlertBot.Tests.Outbox;

public sealed class SendOutcomeTests
{
    public static TheoryData<string, Exception, int, SendOutcomeKind, int?> Cases => new()
    {
        { "a timeout with attempts left is retried", new TimeoutException("post timed out"), 1, SendOutcomeKind.Retry, null },
        { "a 5xx on the last attempt is dead-lettered", new HttpRequestException("500"), 3, SendOutcomeKind.DeadLetter, null },
        { "a 5xx past the last attempt is dead-lettered", new HttpRequestException("500"), 4, SendOutcomeKind.DeadLetter, null },
        { "a 429 waits as long as it says", new AlertDeliveryException(DeliveryFailure.RetryLater, "ratelimited", TimeSpan.FromSeconds(7)), 1, SendOutcomeKind.RetryLater, 7 },
        { "a 429 without Retry-After waits the default", new AlertDeliveryException(DeliveryFailure.RetryLater, "ratelimited"), 1, SendOutcomeKind.RetryLater, 30 },
        { "a 429 on the last attempt still waits, it costs no attempt", new AlertDeliveryException(DeliveryFailure.RetryLater, "ratelimited", TimeSpan.FromSeconds(1)), 3, SendOutcomeKind.RetryLater, 1 },
        { "a rejected message is dead-lettered at the first attempt", new AlertDeliveryException(DeliveryFailure.Rejected, "invalid_blocks"), 1, SendOutcomeKind.DeadLetter, null },
        { "a channel gone pauses the destination", new AlertDeliveryException(DeliveryFailure.DestinationUnavailable, "channel_not_found"), 1, SendOutcomeKind.Pause, null },
        { "a revoked token pauses the destination", new AlertDeliveryException(DeliveryFailure.AccountBroken, "token_revoked"), 3, SendOutcomeKind.Pause, null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_failed_send_maps_to_one_outcome(string because, Exception error, int attempts, SendOutcomeKind expected, int? waitSeconds)
    {
        var outcome = SendOutcome.From(error, attempts, maxAttempts: 3);

        Assert.True(expected == outcome.Kind, because);
        Assert.Equal(waitSeconds, outcome.Wait is { } wait ? (int)wait.TotalSeconds : null);
    }
}
