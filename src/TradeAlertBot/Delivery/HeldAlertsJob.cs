using System.Linq.Expressions;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TradeAlertBot.Core.Routing;
using TradeAlertBot.Core.Text;
using TradeAlertBot.Deliveries.Threads;
using TradeAlertBot.Storage;
using TradeAlertBot.Storage.Entities;

namespace TradeAlertBot.Deliveries;

/// <summary>
/// Every minute: sends the alerts held for a destination (mute, quiet hours, storm, digest) once their hold is over
/// or the digest is due — one alert as itself, several as one summary message — through <see cref="AlertPoster"/>,
/// the same path as an immediate alert: rows are claimed first; an interrupted one is looked up before it is posted
/// again; every attempt is counted; a failure maps through <see cref="DeliveryOutcome"/> (backoff, push-back on 429,
/// dead letter, pause).
/// </summary>
[AutomaticRetry(Attempts = 0)] // the next minute's run is the retry
[DisableConcurrentExecution(timeoutInSeconds: 60)] // two runs would claim and bundle the same destination's rows
public sealed class HeldAlertsJob(
    TradeAlertDbContext db,
    AlertPoster poster,
    IOptions<DeliveryOptions> options,
    TimeProvider time,
    ILogger<HeldAlertsJob> logger)
{
    public async Task RunAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var releasable = Releasable(now);
        var candidates = await db.Destinations
            .Where(d => db.Deliveries.Where(x => x.DestinationId == d.Id && x.HeldFor != null).Any(releasable)
                        || (d.Digest != null && (d.NextDigestAt == null || d.NextDigestAt <= now)))
            .ToListAsync(ct);
        foreach (var destination in candidates.Where(d => !d.Paused))
        {
            await ReleaseAsync(destination, now, ct);
        }
    }

    // A pending held row any time its hold is over (its ClaimedUntil is the hold's end, which HoldPolicy judges); one
    // that failed or was interrupted mid-send at its stored retry time, or once its dead worker's claim has lapsed.
    private Expression<Func<Delivery, bool>> Releasable(DateTimeOffset now)
    {
        var maxAttempts = options.Value.MaxAttempts;
        return d => d.Attempts < maxAttempts && (d.State == DeliveryState.Pending
            || ((d.State == DeliveryState.Sending || d.State == DeliveryState.Failed) && (d.ClaimedUntil == null || d.ClaimedUntil < now)));
    }

    private async Task ReleaseAsync(Destination destination, DateTimeOffset now, CancellationToken ct)
    {
        var digestDue = destination.Digest is not null && (destination.NextDigestAt ?? now) <= now;
        var hold = HoldPolicy.Current(destination.Holds(), now);
        if (hold is not null && !(hold.Reason == "digest" && digestDue))
        {
            return; // still muted, quiet, storming, or the digest is not due
        }

        if (await poster.TakeSlotAsync(destination, delivery: null, ct) is not null)
        {
            return; // the channel's rate limit (or its push-back after a 429): next run
        }

        var releasable = db.Deliveries.Where(d => d.DestinationId == destination.Id && d.HeldFor != null).Where(Releasable(now));
        var uncertain = (await releasable.Where(d => d.State != DeliveryState.Pending).Select(d => d.Id).ToListAsync(ct)).ToHashSet();
        var claim = now + DeliverJob.Claim;
        await releasable.ExecuteUpdateAsync(s => s.SetProperty(d => d.State, DeliveryState.Sending).SetProperty(d => d.ClaimedUntil, claim), ct);
        var held = await db.Deliveries.Include(d => d.Story)
            .Where(d => d.DestinationId == destination.Id && d.HeldFor != null && d.State == DeliveryState.Sending && d.ClaimedUntil == claim)
            .OrderBy(d => d.Story!.FirstSeenAt)
            .ToListAsync(ct);

        var reasons = string.Join(", ", held.Select(d => d.HeldFor).Distinct());
        var toSend = new List<Delivery>();
        foreach (var delivery in held)
        {
            if (!uncertain.Contains(delivery.Id) || !await LookedUpAsync(destination, delivery, ct))
            {
                toSend.Add(delivery);
            }
        }

        // Always posted through the poster, even with nothing left to send: the slot taken above frees there.
        await poster.PostAsync(destination, toSend, ct);
        await ReminderPlanner.PlanAsync(db, destination, toSend, now, ct); // a digest has no thread: only alerts sent as themselves
        if (toSend.All(d => d.State == DeliveryState.Sent))
        {
            if (digestDue && DigestSchedule.TryParse(destination.Digest) is { } schedule)
            {
                destination.NextDigestAt = schedule.Next(now, destination.Zone());
            }

            if (destination.StormUntil <= now)
            {
                destination.StormUntil = null;
            }

            if (held.Count > 0)
            {
                DeliveryLog.HeldSent(logger, held.Count, reasons, destination.Kind, ShownUrl.Origin(destination.Address));
            }
        }

        await db.SaveChangesAsync(CancellationToken.None);
    }

    // True when the lookup settled the row (found posted, or rate-limited and waiting); a lookup that failed otherwise
    // records its outcome on the row like a failed post, and the row is not posted blind either.
    private async Task<bool> LookedUpAsync(Destination destination, Delivery delivery, CancellationToken ct)
    {
        try
        {
            return (await poster.LookUpAsync(destination, delivery, ct)).Done;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await poster.RecordFailureAsync(destination, [delivery], e, CancellationToken.None);
            return true;
        }
    }
}
