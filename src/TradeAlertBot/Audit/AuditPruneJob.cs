using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TradeAlertBot.Admin;
using TradeAlertBot.Storage;

namespace TradeAlertBot.Audit;

/// <summary>Daily: audit entries older than <c>Admin:AuditRetention</c> go. Rule versions are history and stay.</summary>
public sealed partial class AuditPruneJob(TradeAlertDbContext db, IOptions<AdminOptions> options, TimeProvider time, ILogger<AuditPruneJob> log)
{
    public const string RecurringId = "prune-audit-log";

    // Two nodes pruning at once would only delete the same rows; one run is enough.
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    [AutomaticRetry(Attempts = 0)] // tomorrow's run does the same work
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var cutoff = time.GetUtcNow() - options.Value.AuditRetention;
        var pruned = await db.AuditLog.Where(e => e.At < cutoff).ExecuteDeleteAsync(ct);
        if (pruned > 0)
        {
            Pruned(log, pruned, cutoff);
        }

        return pruned;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "audit: pruned {Count} entries older than {Cutoff:O}")]
    private static partial void Pruned(ILogger log, int count, DateTimeOffset cutoff);
}
