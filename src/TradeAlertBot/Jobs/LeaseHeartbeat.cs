using Microsoft.EntityFrameworkCore;
using TradeAlertBot.Storage;

namespace TradeAlertBot.Jobs;

/// <summary>
/// Renews a running poll's lease (<see cref="PollLease"/>) every third of its duration, on a database context of
/// its own (the poll's is busy). A renewal that fails, finds the lease gone, or is not done within a third of the
/// duration cancels <see cref="Lost"/> — with a third of the lease still to run, so the poll stops before any other
/// node may take the feed.
/// </summary>
public sealed partial class LeaseHeartbeat : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly CancellationTokenSource _lost = new();
    private readonly PeriodicTimer _timer;
    private readonly Task _loop;

    private LeaseHeartbeat(
        IDbContextFactory<TradeAlertDbContext> dbs, long feedId, DateTimeOffset until, TimeSpan duration, TimeProvider time, ILogger logger)
    {
        Until = until;
        _timer = new PeriodicTimer(duration / 3, time); // started here, not in the loop: its first period counts from the claim
        _loop = RenewAsync(dbs, feedId, duration, time, logger);
    }

    /// <summary>Cancelled when the lease could not be renewed: the poll must stop and record nothing.</summary>
    public CancellationToken Lost => _lost.Token;

    public bool IsLost => _lost.IsCancellationRequested;

    /// <summary>The end of the lease as last renewed.</summary>
    public DateTimeOffset Until { get; private set; }

    public static LeaseHeartbeat Start(
        IDbContextFactory<TradeAlertDbContext> dbs, long feedId, DateTimeOffset until, TimeSpan duration, TimeProvider time, ILogger logger) =>
        new(dbs, feedId, until, duration, time, logger);

    /// <summary>Stops renewing; a renewal under way is finished first, so <see cref="Until"/> is what the database holds.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _timer.Dispose();
        _stop.Dispose();
        _lost.Dispose();
    }

    private async Task RenewAsync(IDbContextFactory<TradeAlertDbContext> dbs, long feedId, TimeSpan duration, TimeProvider time, ILogger logger)
    {
        var every = duration / 3;
        while (await NextTickAsync())
        {
            var next = time.GetUtcNow() + duration;
            var renewed = false;
            try
            {
                // Not cancelled by stopping: an interrupted renewal would leave the lease's end unknown.
                using var deadline = new CancellationTokenSource(every, time);
                await using var db = await dbs.CreateDbContextAsync(deadline.Token);
                renewed = await PollLease.RenewAsync(db, feedId, Until, next, deadline.Token);
            }
            catch (Exception e)
            {
                LogRenewalFailed(logger, e, feedId);
            }

            if (!renewed)
            {
                LogLeaseLost(logger, feedId, Until);
                await _lost.CancelAsync();
                return;
            }

            Until = next;
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "poll: feed {FeedId}: the lease could not be renewed")]
    private static partial void LogRenewalFailed(ILogger logger, Exception error, long feedId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "poll: feed {FeedId}: lease lost (it ended {Until}); the poll stops and records nothing")]
    private static partial void LogLeaseLost(ILogger logger, long feedId, DateTimeOffset until);
}
