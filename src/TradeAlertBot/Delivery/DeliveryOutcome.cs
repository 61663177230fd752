using TradeAlertBot.Core.Alerts;

namespace TradeAlertBot.Deliveries;

/// <summary>
/// What a failed send does to its row(s): one mapping from (exception, attempts made) for immediate alerts,
/// held alerts and digest summaries alike.
/// </summary>
public sealed record DeliveryOutcome(DeliveryOutcomeKind Kind, TimeSpan? Wait = null)
{
    /// <summary>Slack and Teams usually say how long to wait; this is the wait when they do not.</summary>
    public static readonly TimeSpan DefaultRetryAfter = TimeSpan.FromSeconds(30);

    /// <param name="attempts">Attempts made so far, including the one that failed.</param>
    public static DeliveryOutcome From(Exception error, int attempts, int maxAttempts) => error switch
    {
        AlertDeliveryException { Failure: DeliveryFailure.RetryLater } e => new(DeliveryOutcomeKind.RetryLater, e.RetryAfter ?? DefaultRetryAfter),
        AlertDeliveryException { Failure: DeliveryFailure.Rejected } => new(DeliveryOutcomeKind.DeadLetter),
        AlertDeliveryException => new(DeliveryOutcomeKind.Pause),
        _ when attempts >= maxAttempts => new(DeliveryOutcomeKind.DeadLetter),
        _ => new(DeliveryOutcomeKind.Retry),
    };
}
