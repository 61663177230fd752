using TradeAlertBot.Core.Alerts;
using TradeAlertBot.Deliveries;

namespace TradeAlertBot.Tests.Deliveries;

public sealed class DeliveryOutcomeTests
{
    public static TheoryData<string, Exception, int, DeliveryOutcomeKind, int?> Cases => new()
    {
        { "a timeout with attempts left is retried", new TimeoutException("post timed out"), 1, DeliveryOutcomeKind.Retry, null },
        { "a 5xx on the last attempt is dead-lettered", new HttpRequestException("500"), 3, DeliveryOutcomeKind.DeadLetter, null },
        { "a 5xx past the last attempt is dead-lettered", new HttpRequestException("500"), 4, DeliveryOutcomeKind.DeadLetter, null },
        { "a 429 waits as long as it says", new AlertDeliveryException(DeliveryFailure.RetryLater, "ratelimited", TimeSpan.FromSeconds(7)), 1, DeliveryOutcomeKind.RetryLater, 7 },
        { "a 429 without Retry-After waits the default", new AlertDeliveryException(DeliveryFailure.RetryLater, "ratelimited"), 1, DeliveryOutcomeKind.RetryLater, 30 },
        { "a 429 on the last attempt still waits, it costs no attempt", new AlertDeliveryException(DeliveryFailure.RetryLater, "ratelimited", TimeSpan.FromSeconds(1)), 3, DeliveryOutcomeKind.RetryLater, 1 },
        { "a rejected message is dead-lettered at the first attempt", new AlertDeliveryException(DeliveryFailure.Rejected, "invalid_blocks"), 1, DeliveryOutcomeKind.DeadLetter, null },
        { "a channel gone pauses the destination", new AlertDeliveryException(DeliveryFailure.DestinationUnavailable, "channel_not_found"), 1, DeliveryOutcomeKind.Pause, null },
        { "a revoked token pauses the destination", new AlertDeliveryException(DeliveryFailure.AccountBroken, "token_revoked"), 3, DeliveryOutcomeKind.Pause, null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_failed_send_maps_to_one_outcome(string because, Exception error, int attempts, DeliveryOutcomeKind expected, int? waitSeconds)
    {
        var outcome = DeliveryOutcome.From(error, attempts, maxAttempts: 3);

        Assert.True(expected == outcome.Kind, because);
        Assert.Equal(waitSeconds, outcome.Wait is { } wait ? (int)wait.TotalSeconds : null);
    }
}
