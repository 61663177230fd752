using Microsoft.EntityFrameworkCore;
using TradeAlertBot.Feeds.Fetching;
using TradeAlertBot.Storage;

namespace TradeAlertBot.Jobs;

/// <summary>
/// The lease on a feed (<c>Feed.PollingUntil</c>, <c>Feed.LeaseToken</c>) that keeps every feed polled by one job at
/// a time, across nodes. Dispatch leases a due feed for <see cref="Queued"/> with its run's token and hands the token
/// to the poll job; the job claims the lease with that token (a job whose token was replaced, e.g. one that waited in
/// the queue past its lease and was dispatched again, finds nothing to claim and leaves). A claimed lease has no
/// token and lasts <see cref="FeedsOptions.LeaseDuration"/>; the running poll renews it every third of that
/// (<see cref="LeaseHeartbeat"/>), each renewal conditional on the lease being the one it holds. A poll that cannot
/// renew stops; a poll whose node died stops renewing, so its feed is free once the lease lapses and the next
/// dispatch (every <see cref="DispatchEvery"/>) leases it again: within <see cref="TakeoverBound"/>.
/// </summary>
public static class PollLease
{
    /// <summary>Time for a dispatched poll job to reach a free worker and claim its lease.</summary>
    public static readonly TimeSpan Queued = TimeSpan.FromMinutes(5);

    /// <summary>How often dispatch runs (its recurring job's schedule, <see cref="DispatchCron"/>).</summary>
    public static readonly TimeSpan DispatchEvery = TimeSpan.FromSeconds(15);

    /// <summary>Every 15 s: Hangfire reads a six-field expression as seconds first.</summary>
    public const string DispatchCron = "*/15 * * * * *";

    /// <summary>How often a running poll renews its lease.</summary>
    public static TimeSpan RenewEvery(FeedsOptions options) => options.LeaseDuration / 3;

    /// <summary>Longest time from a node's last renewal (at most its death) until another node's dispatch leases the feed.</summary>
    public static TimeSpan TakeoverBound(FeedsOptions options) => options.LeaseDuration + DispatchEvery;

    /// <summary>
    /// Claims <paramref name="feedId"/> for a poll until <paramref name="now"/> + <paramref name="duration"/>: with a
    /// dispatch token, only while the lease still carries it; without (a poll run directly), unless another poll holds
    /// it. Returns the lease's end, which the holder's renewals name, or null when the feed is not this poll's.
    /// </summary>
    public static async Task<DateTimeOffset?> ClaimAsync(
        TradeAlertDbContext db, long feedId, Guid? dispatchToken, DateTimeOffset now, TimeSpan duration, CancellationToken ct)
    {
        var until = now + duration;
        var feeds = db.Feeds.Where(f => f.Id == feedId);
        feeds = dispatchToken is { } token
            ? feeds.Where(f => f.LeaseToken == token)
            : feeds.Where(f => f.LeaseToken != null || f.PollingUntil == null || f.PollingUntil < now);
        var claimed = await feeds.ExecuteUpdateAsync(
            s => s.SetProperty(f => f.PollingUntil, until).SetProperty(f => f.LeaseToken, (Guid?)null), ct);
        return claimed == 1 ? until : null;
    }

    /// <summary>Moves the lease that ends at <paramref name="held"/> to <paramref name="next"/>; false when it is no longer held.</summary>
    public static async Task<bool> RenewAsync(
        TradeAlertDbContext db, long feedId, DateTimeOffset held, DateTimeOffset next, CancellationToken ct) =>
        await db.Feeds
            .Where(f => f.Id == feedId && f.LeaseToken == null && f.PollingUntil == held)
            .ExecuteUpdateAsync(s => s.SetProperty(f => f.PollingUntil, next), ct) == 1;
}
