using Microsoft.EntityFrameworkCore;
using TradeAlertBot.Storage;

namespace TradeAlertBot.Jobs;

/// <summary>
/// Renews the leases (<see cref="PollLease"/>) of the feeds a poll job claimed together, every third of their
/// duration, on a database context of its own (the polls' are busy), until each feed's poll releases its own. A
/// renewal that fails, finds a lease gone, or is not done within a third of the duration cancels <see cref="Lost"/>
/// — with a third of the lease still to run, so the polls stop before any other node may take their feeds.
/// </summary>
public sealed partial class LeaseHeartbeat : IAsyncDisposable
{
    private readonly HashSet<long> _held;
    private readonly SemaphoreSlim _gate = new(1, 1); // a renewal and a release never overlap
    private readonly CancellationTokenSource _stop = new();
    private readonly CancellationTokenSource _lost = new();
    private readonly PeriodicTimer _timer;
    private readonly Task _loop;

    private LeaseHeartbeat(
        IDbContextFactory<TradeAlertDbContext> dbs, IEnumerable<long> feedIds, DateTimeOffset until, TimeSpan duration, TimeProvider time, ILogger logger)
    {
        _held = [.. feedIds];
        Until = until;
        _timer = new PeriodicTimer(PollLease.RenewEvery(duration), time); // started here, not in the loop: its first period counts from the claim
        _loop = RenewAsync(dbs, duration, time, logger);
    }

    /// <summary>Cancelled when the leases could not be renewed: the polls must stop and record nothing.</summary>
    public CancellationToken Lost => _lost.Token;

    public bool IsLost => _lost.IsCancellationRequested;

    /// <summary>The end of the leases as last renewed.</summary>
    public DateTimeOffset Until { get; private set; }

    public static LeaseHeartbeat Start(
        IDbContextFactory<TradeAlertDbContext> dbs, IEnumerable<long> feedIds, DateTimeOffset until, TimeSpan duration, TimeProvider time, ILogger logger) =>
        new(dbs, feedIds, until, duration, time, logger);

    /// <summary>
    /// Runs <paramref name="write"/> (the poll's last write, which clears the lease) unless the leases were lost, with no
    /// renewal under way, and stops renewing <paramref name="feedId"/>'s lease. False when it was lost: nothing written.
    /// </summary>
    public async Task<bool> ReleaseAsync(long feedId, Func<Task> write)
    {
        await _gate.WaitAsync(CancellationToken.None);
        try
        {
            if (IsLost)
            {
                return false;
            }

            await write();
            _held.Remove(feedId);
            return true;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Stops renewing; a renewal under way is finished first.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _timer.Dispose();
        _stop.Dispose();
        _lost.Dispose();
        _gate.Dispose();
    }

    private async Task RenewAsync(IDbContextFactory<TradeAlertDbContext> dbs, TimeSpan duration, TimeProvider time, ILogger logger)
    {
        var every = PollLease.RenewEvery(duration);
        while (await NextTickAsync())
        {
            await _gate.WaitAsync(CancellationToken.None);
            try
            {
                if (_held.Count > 0 && !await RenewHeldAsync(dbs, time.GetUtcNow() + duration, every, time, logger))
                {
                    LogLeaseLost(logger, _held.Count, Until);
                    await _lost.CancelAsync();
                    return;
                }
            }
            finally
            {
                _gate.Release();
            }
        }
    }

    private async Task<bool> RenewHeldAsync(
        IDbContextFactory<TradeAlertDbContext> dbs, DateTimeOffset next, TimeSpan within, TimeProvider time, ILogger logger)
    {
        try
        {
            // Not cancelled by stopping: an interrupted renewal would leave the leases' end unknown.
            using var deadline = new CancellationTokenSource(within, time);
            await using var db = await dbs.CreateDbContextAsync(deadline.Token);
            if (await PollLease.RenewAsync(db, _held, Until, next, deadline.Token) != _held.Count)
            {
                return false;
            }

            Until = next;
            return true;
        }
        catch (Exception e)
        {
            LogRenewalFailed(logger, e, _held.Count);
            return false;
        }
    }

    private async Task<bool> NextTickAsync()
    {
        try
        {
            return await _timer.WaitForNextTickAsync(_stop.Token);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "poll: the leases of {Feeds} feed(s) could not be renewed")]
    private static partial void LogRenewalFailed(ILogger logger, Exception error, int feeds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "poll: the leases of {Feeds} feed(s) were lost (they ended {Until}); their polls stop and record nothing")]
    private static partial void LogLeaseLost(ILogger logger, int feeds, DateTimeOffset until);
}
