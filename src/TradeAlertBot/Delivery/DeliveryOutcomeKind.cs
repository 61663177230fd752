namespace TradeAlertBot.Deliveries;

/// <summary>What a failed send does to its row (see <see cref="DeliveryOutcome"/>).</summary>
public enum DeliveryOutcomeKind
{
    /// <summary>Transient (timeout, 5xx, dropped connection): the row is uncertain and retried with backoff.</summary>
    Retry,

    /// <summary>The platform asked to slow down: the row and its destination wait <see cref="DeliveryOutcome.Wait"/>.</summary>
    RetryLater,

    /// <summary>Refused for good, or out of attempts: kept dead-lettered for <c>deliveries replay</c>.</summary>
    DeadLetter,

    /// <summary>The destination cannot take messages: it is paused and the row waits as pending.</summary>
    Pause,
}
