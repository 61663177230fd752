using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using TradeAlertBot.Core.Text;
using TradeAlertBot.Hosting;
using TradeAlertBot.Jobs;
using TradeAlertBot.Storage;
using TradeAlertBot.Storage.Queries;

namespace TradeAlertBot.Endpoints;

/// <summary>
/// <c>/healthz</c>, with the node's role and storage kinds: unhealthy (503) when the database or the job storage is
/// unreachable; degraded (still 200: the service runs, someone
/// should look) when feeds keep failing, a destination is paused or a Slack workspace's token is broken.
/// </summary>
public static class HealthEndpoints
{
    public static IServiceCollection AddHealth(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database")
            .AddCheck<JobStorageHealthCheck>("jobs")
            .AddCheck<FeedsHealthCheck>("feeds")
            .AddCheck<DestinationsHealthCheck>("destinations")
            .AddCheck<SlackWorkspacesHealthCheck>("slack");
        return services;
    }

    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/healthz", new HealthCheckOptions
        {
            ResultStatusCodes = { [HealthStatus.Degraded] = StatusCodes.Status200OK },
            ResponseWriter = (http, report) => http.Response.WriteAsJsonAsync(new
            {
                status = report.Status.ToString().ToLowerInvariant(),
                role = http.RequestServices.GetRequiredService<NodeOptions>().Name,
                storage = http.RequestServices.GetRequiredService<IOptions<StorageOptions>>().Value.Provider.ToLowerInvariant(),
                jobs = http.RequestServices.GetRequiredService<IOptions<JobsOptions>>().Value.Storage.ToLowerInvariant(),
                checks = report.Entries.ToDictionary(e => e.Key, e => new
                {
                    status = e.Value.Status.ToString().ToLowerInvariant(),
                    description = e.Value.Description,
                }),
            }),
        });
        return app;
    }

    private sealed class FeedsHealthCheck(TradeAlertDbContext db) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
        {
            try
            {
                var total = await db.Feeds.CountAsync(f => f.Enabled, ct);
                var failing = await db.Feeds.Failing()
                    .Select(f => f.Url).ToListAsync(ct);
                var description = $"{total} feed(s), {failing.Count} failing";
                return failing.Count == 0
                    ? HealthCheckResult.Healthy(description)
                    : HealthCheckResult.Degraded(description + ": " + string.Join(", ", failing.Take(5).Select(ShownUrl.Redacted)));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                return HealthCheckResult.Unhealthy("database: " + e.Message);
            }
        }
    }

    /// <summary>Destinations paused because their platform refused alerts (bot removed, channel archived, webhook off).</summary>
    private sealed class DestinationsHealthCheck(TradeAlertDbContext db) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
        {
            try
            {
                var paused = await db.Destinations.AsNoTracking().Paused()
                    .OrderBy(d => d.Id).Select(d => new { d.Kind, d.Address, d.PausedReason }).ToListAsync(ct);
                if (paused.Count == 0)
                {
                    return HealthCheckResult.Healthy("no destination paused");
                }

                var listed = paused.Take(5).Select(d => $"{d.Kind} {ShownUrl.Origin(d.Address)} ({d.PausedReason ?? "no reason recorded"})");
                return HealthCheckResult.Degraded($"{paused.Count} destination(s) paused: {string.Join("; ", listed)}");
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                return HealthCheckResult.Unhealthy("database: " + e.Message);
            }
        }
    }

    /// <summary>Slack workspaces whose bot token Slack refused: their alerts wait until the app is reinstalled.</summary>
    private sealed class SlackWorkspacesHealthCheck(TradeAlertDbContext db) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
        {
            try
            {
                var broken = await db.SlackWorkspaces.AsNoTracking().Broken()
                    .OrderBy(w => w.Id).Select(w => new { w.TeamId, w.Name, w.BrokenReason }).ToListAsync(ct);
                if (broken.Count == 0)
                {
                    return HealthCheckResult.Healthy("no Slack workspace token broken");
                }

                var listed = broken.Take(5).Select(w => $"{w.TeamId}{(w.Name is null ? "" : $" ({w.Name})")}: {w.BrokenReason}");
                return HealthCheckResult.Degraded($"{broken.Count} Slack workspace token(s) broken, reinstall the app: {string.Join("; ", listed)}");
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                return HealthCheckResult.Unhealthy("database: " + e.Message);
            }
        }
    }
}
