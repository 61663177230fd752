namespace TradeAlertBot.Core.Alerts;

/// <summary>What a failed send means for the outbox row; none of them drops the alert.</summary>
public enum DeliveryFailure
{
    /// <summary>The platform asked to slow down: send again after <see cref="AlertDeliveryException.RetryAfter"/>.</summary>
    RetryLater,

    /// <summary>The destination cannot take messages (channel gone, bot removed, archived): pause it, hold its alerts.</summary>
    DestinationUnavailable,

    /// <summary>The account's credentials stopped working (token revoked): pause the destination until reinstalled.</summary>
    AccountBroken,

    /// <summary>This message was refused (a 4xx about its content): retrying it will not help; dead-letter it for replay.</summary>
    Rejected,
}

/// <summary>Thrown by an <see cref="IAlertSender"/> for failures the outbox handles itself rather than by blind retries.</summary>
public sealed class AlertDeliveryException(DeliveryFailure failure, string reason, TimeSpan? retryAfter = null, Exception? inner = null)
    : Exception(reason, inner)
{
    public DeliveryFailure Failure { get; } = failure;
    public TimeSpan? RetryAfter { get; } = retryAfter;
}
