namespace TradeAlertBot.Deliveries;

/// <summary>
/// Whether this host's first delivery sweep has run. The job store is in memory, so at start no outbox row has a
/// job: the first sweep takes them all (one restart-recovery path, no separate start-up loop). One per host.
/// </summary>
public sealed class DeliverySweepStart
{
    private int _taken;

    /// <summary>True exactly once per host: for the sweep that runs first.</summary>
    public bool TryTakeFirstSweep() => Interlocked.Exchange(ref _taken, 1) == 0;
}
