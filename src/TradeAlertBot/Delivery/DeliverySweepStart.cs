namespace TradeAlertBot.Deliveries;

/// <summary>
/// Whether this host's first delivery sweep has run. A job store in memory starts empty, so at start no outbox row
/// has a job: the first sweep takes them all (one restart-recovery path, no separate start-up loop). A shared,
/// persistent job store (PostgreSQL) keeps the jobs across restarts: there the first sweep is like any other, or
/// every node start would enqueue every unsent row again. One per host.
/// </summary>
public sealed class DeliverySweepStart(bool jobsOutliveTheProcess = false)
{
    private int _taken;

    /// <summary>True exactly once per host, for the sweep that runs first, when the job store started empty.</summary>
    public bool TryTakeFirstSweep() => !jobsOutliveTheProcess && Interlocked.Exchange(ref _taken, 1) == 0;
}
