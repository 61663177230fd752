namespace TradeAlertBot.Deliveries;

/// <summary>The delivery stage's log messages, one place, each starting "delivery:".</summary>
public static partial class DeliveryLog
{
    [LoggerMessage(LogLevel.Information, "delivery: {DeliveryId} held, destination {DestinationId} paused")]
    public static partial void HeldForPause(ILogger logger, long deliveryId, long destinationId);

    [LoggerMessage(LogLevel.Warning, "delivery: {DeliveryId} was already posted before an interruption ({MessageId}); recorded, not posted again")]
    public static partial void AlreadyPosted(ILogger logger, long deliveryId, string messageId);

    [LoggerMessage(LogLevel.Information, "delivery: story {StoryId} sent to {Kind}:{Address} (delivery {DeliveryId})")]
    public static partial void Sent(ILogger logger, long storyId, string kind, string address, long deliveryId);

    [LoggerMessage(LogLevel.Information, "delivery: {Count} alert(s) held for {Reasons} sent to {Kind}:{Address}")]
    public static partial void HeldSent(ILogger logger, int count, string reasons, string kind, string address);

    [LoggerMessage(LogLevel.Information, "delivery: destination {DestinationId} works again; unpaused")]
    public static partial void Unpaused(ILogger logger, long destinationId);

    [LoggerMessage(LogLevel.Warning, "delivery: storm at {Kind}:{Address} (over {Threshold} alerts in {Window}); further alerts are bundled until {Until}")]
    public static partial void Storm(ILogger logger, string kind, string address, int threshold, TimeSpan window, DateTimeOffset until);

    [LoggerMessage(LogLevel.Warning, "delivery: updating sent delivery {DeliveryId} failed; the next outlet change retries: {Error}")]
    public static partial void UpdateFailed(ILogger logger, long deliveryId, string error);

    [LoggerMessage(LogLevel.Warning, "delivery: {DeliveryId} rate limited by {Kind}; rescheduled in {Seconds} s")]
    public static partial void RateLimited(ILogger logger, long deliveryId, string kind, double seconds);

    [LoggerMessage(LogLevel.Error, "delivery: {DeliveryId} rejected by {Kind}, dead-lettered for replay: {Reason}")]
    public static partial void Rejected(ILogger logger, long deliveryId, string kind, string reason);

    [LoggerMessage(LogLevel.Error, "delivery: {DeliveryId} dead-lettered after {Attempts} attempts: {Error}")]
    public static partial void DeadLettered(ILogger logger, long deliveryId, int attempts, string error);

    [LoggerMessage(LogLevel.Error, "delivery: destination {DestinationId} ({Kind}:{Address}) paused: {Reason}")]
    public static partial void DestinationPaused(ILogger logger, long destinationId, string kind, string address, string reason);

    [LoggerMessage(LogLevel.Warning, "delivery: {DeliveryId} attempt {Attempt} failed, retry in {Seconds:0} s: {Error}")]
    public static partial void RetryScheduled(ILogger logger, long deliveryId, int attempt, double seconds, string error);

    [LoggerMessage(LogLevel.Warning, "delivery: {DeliveryId} may have been posted, but the lookup was rate limited; looking again in {Seconds} s")]
    public static partial void LookupRateLimited(ILogger logger, long deliveryId, double seconds);

    [LoggerMessage(LogLevel.Information, "delivery: {Count} unsent delivery(ies) re-enqueued by the sweep")]
    public static partial void Swept(ILogger logger, int count);
}
