using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TradeAlertBot.Feeds.Fetching;
using TradeAlertBot.Storage;

namespace TradeAlertBot.Jobs;

/// <summary>
/// Polls a batch of feeds dispatch leased together, one after the other, each in its own scope
/// (<see cref="PollFeedJob.PollClaimedAsync"/>). The batch claims its leases and reads its feeds with two statements
/// and one heartbeat renews them all (<see cref="PollLease"/>), so an unchanged feed costs its conditional GET and
/// the one UPDATE that records the 304, not a job, a claim and a read of its own.
/// </summary>
// Failures are recorded on each feed and retried by its own schedule.
[AutomaticRetry(Attempts = 0)]
public sealed partial class PollFeedsJob(
    TradeAlertDbContext db,
    IDbContextFactory<TradeAlertDbContext> dbs,
    IServiceScopeFactory scopes,
    IOptions<FeedsOptions> options,
    TimeProvider time,
    ILogger<PollFeedsJob> logger)
{
    public async Task RunAsync(long[] feedIds, Guid leaseToken, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var until = now + options.Value.LeaseDuration;
        var claimed = await PollLease.ClaimAsync(db, feedIds, leaseToken, now, until, ct);
        if (claimed.Count < feedIds.Length)
        {
            LogNotClaimed(logger, feedIds.Length - claimed.Count, feedIds.Length);
        }

        if (claimed.Count == 0)
        {
            return;
        }

        await using var heartbeat = LeaseHeartbeat.Start(dbs, claimed.Select(f => f.Id), until, options.Value.LeaseDuration, time, logger);
        foreach (var feed in claimed)
        {
            if (heartbeat.IsLost)
            {
                return; // the rest were not polled; their leases lapse and dispatch hands them out again
            }

            await using var scope = scopes.CreateAsyncScope();
            try
            {
                await scope.ServiceProvider.GetRequiredService<PollFeedJob>().PollClaimedAsync(feed, heartbeat, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // One feed's failure (its outcome could not be saved) is not the batch's: the rest are polled.
                LogPollFailed(logger, e, feed.Id);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "poll: {Feeds} of {Batch} feed(s) are held by other polls, disabled, or were dispatched again; they are left")]
    private static partial void LogNotClaimed(ILogger logger, int feeds, int batch);

    [LoggerMessage(Level = LogLevel.Error, Message = "poll: feed {FeedId} failed")]
    private static partial void LogPollFailed(ILogger logger, Exception error, long feedId);
}
