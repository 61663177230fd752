using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TradeAlertBot.Storage;

namespace TradeAlertBot.Jobs;

/// <summary>
/// Recurring, every <see cref="PollLease.DispatchEvery"/>: enqueues polls (<see cref="PollFeedsJob"/>, in batches)
/// for every enabled feed that is due and not leased, taking a lease on it first so no feed is ever polled by two
/// workers at once; the job claims that lease with the run's token (<see cref="PollLease"/>). Outbox rows whose job was lost are the delivery sweep's
/// (DeliverySweepJob).
/// </summary>
[DisableConcurrentExecution(timeoutInSeconds: 60)]
[AutomaticRetry(Attempts = 0)] // the next run is the retry
public sealed class DispatchFeedsJob(
    TradeAlertDbContext db,
    IBackgroundJobClient jobs,
    JobStorage storage,
    IOptions<JobsOptions> workers,
    TimeProvider time,
    ILogger<DispatchFeedsJob> logger)
{
    /// <summary>Most feeds one poll job takes; a batch's feeds are polled one after the other.</summary>
    public const int MaxBatch = 20;

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
        // In batches, so that an unchanged feed does not cost a job of its own; split so every worker of every node
        // gets one, and small enough that one slow feed holds few others back.
        var workerCount = due.Count == 0 ? 1 : AlertWorkers();
        var size = Math.Clamp((due.Count + workerCount - 1) / workerCount, 1, MaxBatch);
        foreach (var batch in due.Chunk(size))
        {
            jobs.Enqueue<PollFeedsJob>(job => job.RunAsync(batch, token, CancellationToken.None));
        }

        if (due.Count > 0)
        {
            logger.LogInformation("dispatch: {Feeds} feed(s) due", due.Count);
        }
    }

    // The workers of every live server that takes poll jobs (all nodes on shared job storage), else this node's own.
    private int AlertWorkers()
    {
        var live = storage.GetMonitoringApi().Servers()
            .Where(s => s.Queues.Contains(JobQueues.Default))
            .Sum(s => s.WorkersCount);
        return live > 0 ? live : workers.Value.EffectiveWorkerCount;
    }
}
