namespace TradeAlertBot.Deliveries.Threads;

/// <summary>The thread messages' log lines.</summary>
internal static partial class ThreadLog
{
    [LoggerMessage(LogLevel.Information, "thread: reply {ReplyId} sent in the thread of delivery {DeliveryId} ({EventKey})")]
    public static partial void Sent(ILogger logger, long replyId, long deliveryId, string eventKey);

    [LoggerMessage(LogLevel.Warning, "thread: reply {ReplyId} not sent, now {State}: {Error}")]
    public static partial void Failed(ILogger logger, long replyId, string state, string error);
}
