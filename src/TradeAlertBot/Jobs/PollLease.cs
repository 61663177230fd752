using Microsoft.EntityFrameworkCore;
using TradeAlertBot.Feeds.Fetching;
using TradeAlertBot.Storage;
using TradeAlertBot.Storage.Entities;

namespace TradeAlertBot.Jobs;

/// <summary>
/// The lease on a feed (<c>Feed.PollingUntil</c>, <c>Feed.LeaseToken</c>) that keeps every feed polled by one job at
/// a time, across nodes. Dispatch leases due feeds for <see cref="Queued"/> with its run's token and hands the token
/// to the poll jobs; a job claims the leases with that token (one whose token was replaced, e.g. it waited in the
/// queue past its lease and the feed was dispatched again, finds nothing to claim). A claimed lease has no token and
/// lasts <see cref="FeedsOptions.LeaseDuration"/>; the running job renews it every third of that
/// (<see cref="LeaseHeartbeat"/>), each renewal conditional on the lease ending when the job last set it. A poll that
/// cannot renew stops; a poll whose node died stops renewing, so its feed is free once the lease lapses and the next
/// dispatch (every <see cref="DispatchEvery"/>) leases it again: within <see cref="TakeoverBound"/>.
/// </summary>
public static class PollLease
{
    /// <summary>Time for a dispatched poll job to reach a free worker and claim its lease.</summary>
    public static readonly TimeSpan Queued = TimeSpan.FromMinutes(5);

    /// <summary>How often dispatch runs (its recurring job's schedule, <see cref="DispatchCron"/>).</summary>
    public static readonly TimeSpan DispatchEvery = TimeSpan.FromSeconds(15);

    /// <summary><see cref="DispatchEvery"/> as a cron expression: Hangfire reads six fields as seconds first.</summary>
    public static readonly string DispatchCron = $"*/{DispatchEvery.TotalSeconds:0} * * * * *";

    /// <summary>How often a running poll renews a lease of <paramref name="leaseDuration"/>.</summary>
    public static TimeSpan RenewEvery(TimeSpan leaseDuration) => leaseDuration / 3;

    /// <summary>Longest time from a node's last renewal (at most its death) until another node's dispatch leases the feed.</summary>
    public static TimeSpan TakeoverBound(FeedsOptions options) => options.LeaseDuration + DispatchEvery;

    /// <summary>
    /// Claims the enabled ones of <paramref name="feedIds"/> for a poll until <paramref name="until"/>: with a
    /// dispatch token, only those whose lease still carries it; without (a poll run by hand), those no other poll
    /// holds. Returns the feeds claimed, as they are now (not tracked); their renewals name <paramref name="until"/>.
    /// </summary>
    public static async Task<List<Feed>> ClaimAsync(
        TradeAlertDbContext db, IReadOnlyCollection<long> feedIds, Guid? dispatchToken, DateTimeOffset now, DateTimeOffset until, CancellationToken ct)
    {
        var feeds = db.Feeds.Where(f => feedIds.Contains(f.Id) && f.Enabled);
        feeds = dispatchToken is { } token
            ? feeds.Where(f => f.LeaseToken == token)
            : feeds.Where(f => f.LeaseToken != null || f.PollingUntil == null || f.PollingUntil < now);
        var claimed = await feeds.ExecuteUpdateAsync(
            s => s.SetProperty(f => f.PollingUntil, until).SetProperty(f => f.LeaseToken, (Guid?)null), ct);
        return claimed == 0
            ? []
            : await db.Feeds.AsNoTracking().Where(f => feedIds.Contains(f.Id) && f.LeaseToken == null && f.PollingUntil == until).ToListAsync(ct);
    }

    /// <summary>Moves the leases of <paramref name="feedIds"/> that end at <paramref name="held"/> to <paramref name="next"/>; returns how many were still held.</summary>
    public static Task<int> RenewAsync(
        TradeAlertDbContext db, IReadOnlyCollection<long> feedIds, DateTimeOffset held, DateTimeOffset next, CancellationToken ct) =>
        db.Feeds
            .Where(f => feedIds.Contains(f.Id) && f.LeaseToken == null && f.PollingUntil == held)
            .ExecuteUpdateAsync(s => s.SetProperty(f => f.PollingUntil, next), ct);
}
