namespace TradeAlertBot.Jobs;

/// <summary>Hangfire queues, in the order workers take them.</summary>
public static class JobQueues
{
    /// <summary>A person is waiting (a command answer), or an alert's rate-limit turn has come.</summary>
    public const string Interactive = "interactive";

    public const string Default = "default";
}
