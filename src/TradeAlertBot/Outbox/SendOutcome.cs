using TradeAlertBot.Core.Alerts;

namespace TradeAlertBot.Outbox;

public enum SendOutcomeKind
{
    /// <summary>Transient (timeout, 5xx, dropped connection): the row is uncertain and retried with backoff.</summary>
    Retry,

    /// <summary>The platform asked to slow down: the row and its destination wait <see cref="SendOutcome.Wait"/>.</summary>
    RetryLater,

    /// <summary>Refused for good, or out of attempts: kept dead-lettered for <c>deliveries replay</c>.</summary>
    DeadLetter,

    /// <summary>The destination cannot take messages: it is paused and the row waits as pending.</summary>
    Pause,
}

/// <summary>
/// What a failed send does to its row(s): one mapping from (exception, attempts made) for immediate alerts,
/// held alerts and digest summaries alike.
/// </summary>
public sealed record SendOutcome(SendOutcomeKind Kind, TimeSpan? Wait = null)
{
    /// <summary>Slack and Teams usually say how long to wait; this is the wait when they do not.</summary>
    public static readonly TimeSpan DefaultRetryAfter = TimeSpan.FromSeconds(30);

    /// <param name="attempts">Attempts made so far, including the one that failed.</param>
    public static SendOutcome From(Exception error, int attempts, int maxAttempts) => error switch
    {
        AlertDeliveryException { Failure: DeliveryFailure.RetryLater } e => new(SendOutcomeKind.RetryLater, e.RetryAfter ?? DefaultRetryAfter),
        AlertDeliveryException { Failure: DeliveryFailure.Rejected } => new(SendOutcomeKind.DeadLetter),
        AlertDeliveryException => new(SendOutcomeKind.Pause),
        _ when attempts >= maxAttempts => new(SendOutcomeKind.DeadLetter),
        _ => new(SendOutcomeKind.Retry),
    };
}
