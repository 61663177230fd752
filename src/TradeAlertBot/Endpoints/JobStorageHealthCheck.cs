using Hangfire;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using TradeAlertBot.Hosting;
using TradeAlertBot.Jobs;

namespace TradeAlertBot.Endpoints;

/// <summary>
/// Whether this node's job storage answers: unhealthy (503) when it does not, since nothing would be enqueued or
/// run. On a web node, which runs no job server, no live server in the shared storage is degraded: its jobs wait.
/// </summary>
internal sealed class JobStorageHealthCheck(JobStorage storage, NodeOptions node, IOptions<JobsOptions> jobs) : IHealthCheck
{
    /// <summary>Short, so a hung connection answers the probe unhealthy well within an orchestrator's timeout.</summary>
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        var kind = jobs.Value.IsPostgres ? JobsOptions.Postgres : JobsOptions.InMemory;
        int servers;
        try
        {
            // Hangfire's monitoring API is synchronous: run it aside and stop waiting after the timeout.
            servers = await Task.Run(() => storage.GetMonitoringApi().Servers().Count, ct).WaitAsync(Timeout, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"job storage ({kind}) unreachable: {e.Message}");
        }

        var description = $"job storage ({kind}) reachable, {servers} job server(s) alive";
        return servers == 0 && !node.RunsJobs
            ? HealthCheckResult.Degraded(description + ": enqueued jobs wait until a worker node starts")
            : HealthCheckResult.Healthy(description);
    }
}
