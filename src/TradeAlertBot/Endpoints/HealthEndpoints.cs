using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using TradeAlertBot.Storage;

namespace TradeAlertBot.Endpoints;

/// <summary><c>/healthz</c>: database reachable, and how many feeds keep failing (degraded, not down).</summary>
public static class HealthEndpoints
{
    public static IServiceCollection AddHealth(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<FeedsHealthCheck>("feeds");
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
        /// <summary>Consecutive errors after which a feed counts as failing.</summary>
        private const int FailingAfter = 3;

        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
        {
            try
            {
                var total = await db.Feeds.CountAsync(f => f.Enabled, ct);
                var failing = await db.Feeds.Where(f => f.Enabled && f.ConsecutiveErrors >= FailingAfter)
                    .Select(f => f.Url).ToListAsync(ct);
                var description = $"{total} feed(s), {failing.Count} failing";
                return failing.Count == 0
                    ? HealthCheckResult.Healthy(description)
                    : HealthCheckResult.Degraded(description + ": " + string.Join(", ", failing.Take(5)));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                return HealthCheckResult.Unhealthy("database: " + e.Message);
            }
        }
    }
}
