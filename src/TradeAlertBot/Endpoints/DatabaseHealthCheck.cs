using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using TradeAlertBot.Storage;

namespace TradeAlertBot.Endpoints;

/// <summary>Whether the bot's database answers at all: unhealthy (503) when it does not, whatever the other checks say.</summary>
internal sealed class DatabaseHealthCheck(TradeAlertDbContext db, IOptions<StorageOptions> storage) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        var provider = storage.Value.Provider.ToLowerInvariant();
        try
        {
            return await db.Database.CanConnectAsync(ct)
                ? HealthCheckResult.Healthy($"{provider} reachable")
                : HealthCheckResult.Unhealthy($"{provider} unreachable");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"{provider}: {e.Message}");
        }
    }
}
