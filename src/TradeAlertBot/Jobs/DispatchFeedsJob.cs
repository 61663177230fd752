using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TradeAlertBot.Feeds.Fetching;
using TradeAlertBot.Outbox;
using TradeAlertBot.Storage;
using TradeAlertBot.Storage.Entities;
using TradeAlertBot.Storage.Queries;

namespace TradeAlertBot.Jobs;

/// <summary>
/// Recurring: enqueues a poll for every enabled feed that is due, taking a lease on it first so no feed is ever
/// polled by two workers at once, and re-enqueues outbox rows left pending (e.g. by a restart) so none is lost.
/// </summary>
[DisableConcurrentExecution(timeoutInSeconds: 60)]
[AutomaticRetry(Attempts = 0)] // the next minute's run is the retry
public sealed class DispatchFeedsJob(
    TradeAlertDbContext db,
    IBackgroundJobClient jobs,
    IOptions<FeedsOptions> options,
    IOptions<DeliveryOptions> delivery,
    TimeProvider time,
    ILogger<DispatchFeedsJob> logger)
{
    /// <summary>Pending deliveries older than this are assumed orphaned (their job was lost) and re-enqueued.</summary>
    public static readonly TimeSpan OrphanAge = TimeSpan.FromMinutes(2);

    public async Task RunAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();

        // One conditional UPDATE leases every due feed that no one else holds (the lease is what keeps two
        // dispatchers or nodes from polling one feed twice; a running poll renews it, see PollLease); the token tells
        // this run which rows it got.
        var token = Guid.NewGuid();
        var leasedUntil = now + PollLease.AtDispatch(options.Value);
        var leased = await db.Feeds
            .Where(f => f.Enabled && f.NextPollAt <= now && (f.PollingUntil == null || f.PollingUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(f => f.PollingUntil, leasedUntil).SetProperty(f => f.LeaseToken, token), ct);
        var due = leased == 0 ? [] : await db.Feeds.Where(f => f.LeaseToken == token).Select(f => f.Id).ToListAsync(ct);
        foreach (var feedId in due)
        {
            jobs.Enqueue<PollFeedJob>(job => job.RunAsync(feedId, CancellationToken.None));
        }

        // A row whose stored retry time (or a dead worker's claim) has passed is due now; one never claimed is
        // given OrphanAge for the job enqueued with it.
        var orphanCutoff = now - OrphanAge;
        var orphans = await db.Deliveries
            .Unsent(delivery.Value.MaxAttempts)
            .Where(d => d.HeldFor == null && (d.ClaimedUntil == null ? d.CreatedAt < orphanCutoff : d.ClaimedUntil < now))
            .Where(d => !d.Destination!.Paused || d.Destination.PausedAt < now - DeliverJob.PauseProbe)
            .Select(d => d.Id)
            .ToListAsync(ct);
        foreach (var deliveryId in orphans)
        {
            jobs.Enqueue<DeliverJob>(job => job.RunAsync(deliveryId, CancellationToken.None));
        }

        if (due.Count > 0 || orphans.Count > 0)
        {
            logger.LogInformation("dispatch: {Feeds} feed(s) due, {Orphans} pending delivery(ies) re-enqueued", due.Count, orphans.Count);
        }
    }
}
