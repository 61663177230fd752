using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using TradeAlertBot.Core.Commands;

namespace TradeAlertBot.Commands.Shared;

/// <summary>
/// Scans (search, rule test) one user may start per window: each reads up to 30 days of stored items, so a user
/// repeating them in a loop would keep the store and the query workers busy for everyone.
/// </summary>
public sealed class QueryLimiter(IOptions<QueryOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(user =>
        RateLimitPartition.GetFixedWindowLimiter(user, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.Value.QueriesPerUser,
            Window = options.Value.QueryWindow,
            QueueLimit = 0,
        }));

    /// <summary>Takes one scan for the user, or says how long until the next is allowed.</summary>
    public bool TryStart(CommandContext context, out TimeSpan retryAfter)
    {
        // The workspace or tenant is part of the key: user ids are only unique within it.
        using var lease = _limiter.AttemptAcquire($"{context.Platform}:{context.TeamId}:{context.UserId}");
        retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : options.Value.QueryWindow;
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
