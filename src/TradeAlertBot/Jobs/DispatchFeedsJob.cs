using Hangfire;
using Microsoft.EntityFrameworkCore;
using TradeAlertBot.Storage;

namespace TradeAlertBot.Jobs;

/// <summary>
/// Recurring, every <see cref="PollLease.DispatchEvery"/>: enqueues a poll for every enabled feed that is due and not
/// leased, taking a lease on it first so no feed is ever polled by two workers at once; the job claims that lease
/// with the run's token (<see cref="PollLease"/>). Outbox rows whose job was lost are the delivery sweep's
/// (DeliverySweepJob).
/// </summary>
[DisableConcurrentExecution(timeoutInSeconds: 60)]
[AutomaticRetry(Attempts = 0)] // the next run is the retry
public sealed class DispatchFeedsJob(
    TradeAlertDbContext db,
    IBackgroundJobClient jobs,
    TimeProvider time,
    ILogger<DispatchFeedsJob> logger)
{
    public async Task RunAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();

        // One conditional UPDATE leases every due feed that no one else holds (the lease is what keeps two
        // dispatchers or nodes from polling one feed twice; a running poll claims and renews it, see PollLease); the
        // token tells this run which rows it got, and each job which lease is its to claim.
        var token = Guid.NewGuid();
        var leasedUntil = now + PollLease.Queued;
        var leased = await db.Feeds
            .Where(f => f.Enabled && f.NextPollAt <= now && (f.PollingUntil == null || f.PollingUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(f => f.PollingUntil, leasedUntil).SetProperty(f => f.LeaseToken, token), ct);
        var due = leased == 0 ? [] : await db.Feeds.Where(f => f.LeaseToken == token).Select(f => f.Id).ToListAsync(ct);
        foreach (var feedId in due)
        {
            jobs.Enqueue<PollFeedJob>(job => job.RunAsync(feedId, token, CancellationToken.None));
        }

        if (due.Count > 0)
        {
            logger.LogInformation("dispatch: {Feeds} feed(s) due", due.Count);
        }
    }
}
