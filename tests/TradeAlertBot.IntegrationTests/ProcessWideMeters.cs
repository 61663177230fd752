namespace TradeAlertBot.IntegrationTests;

/// <summary>
/// Specs that assert exact metric counts. Meters are matched by name in the whole process, so a host's /metrics can
/// also count what another host running at the same time measured: these specs run alone, after the parallel ones.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessWideMeters
{
    public const string Name = "process-wide meters";
}
