namespace TradeAlertBot.Hosting;

/// <summary>What one node of the bot does: everything (one machine), only HTTP, or only the job servers.</summary>
public enum NodeRole
{
    /// <summary>HTTP and the job servers: the default, and the only role that works with jobs in memory.</summary>
    All,

    /// <summary>HTTP only (chat endpoints, pages, admin): jobs are enqueued into the shared job storage for the workers.</summary>
    Web,

    /// <summary>The job servers only; HTTP serves /healthz and /metrics alone, for the orchestrator's probes.</summary>
    Worker,
}
