using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TradeAlertBot.Storage;
using TradeAlertBot.Storage.Entities;

namespace TradeAlertBot.Deliveries;

/// <summary>
/// A destination's rate limit (Delivery:MinInterval per kind) as senders use it: take the slot just before posting,
/// hold it while the post is in flight, free it one interval after the platform answered — so consecutive posts
/// arrive at least an interval apart whatever the call's latency. Shared by every process through
/// <see cref="SendSlots"/>.
/// </summary>
public sealed class DestinationPacer(TradeAlertDbContext db, IOptions<DeliveryOptions> options, TimeProvider time)
{
    // Long enough for any post to finish (the API clients time out sooner); the post frees it earlier.
    private static readonly TimeSpan InFlightGuard = TimeSpan.FromMinutes(1);

    public TimeSpan? IntervalOf(Destination destination) =>
        options.Value.MinInterval.TryGetValue(destination.Kind, out var interval) && interval > TimeSpan.Zero ? interval : null;

    /// <summary>
    /// Null when the caller may post now (it then holds the slot: post through <see cref="PostAsync{T}"/>); otherwise
    /// how long to wait before looking again. <paramref name="queueBehind"/> makes a newcomer wait its turn behind
    /// rows already waiting for this destination.
    /// </summary>
    public async Task<TimeSpan?> TryTakeAsync(Destination destination, Delivery? queueBehind, CancellationToken ct)
    {
        if (IntervalOf(destination) is not { } interval)
        {
            return null;
        }

        var now = time.GetUtcNow();
        if (queueBehind is not null && await OthersWaitingAsync(destination, queueBehind.Id, now + interval + interval, ct))
        {
            return interval + Jitter();
        }

        if (await SendSlots.TryTakeAsync(db, destination.Id, interval + InFlightGuard, now, ct) is not { } free)
        {
            return null;
        }

        // A slot held by a post in flight frees when it answers: look again after one interval rather than its guard.
        var wait = free > now ? free - now : TimeSpan.Zero;
        return (wait < interval ? wait : interval) + Jitter();
    }

    /// <summary>Posts while holding the slot taken by <see cref="TryTakeAsync"/>, and frees it one interval after the answer.</summary>
    public async Task<T> PostAsync<T>(Destination destination, Func<Task<T>> post)
    {
        try
        {
            return await post();
        }
        finally
        {
            if (IntervalOf(destination) is { } interval)
            {
                var after = time.GetUtcNow() + interval;
                await db.Destinations.Where(d => d.Id == destination.Id)
                    .ExecuteUpdateAsync(s => s.SetProperty(d => d.NextSendAt, after), CancellationToken.None);
            }
        }
    }

    /// <summary>The platform said "slow down": nobody sends to the destination before <paramref name="until"/>.</summary>
    public Task PushBackAsync(Destination destination, DateTimeOffset until, CancellationToken ct) =>
        SendSlots.PushBackAsync(db, destination.Id, until, ct);

    private Task<bool> OthersWaitingAsync(Destination destination, long deliveryId, DateTimeOffset soon, CancellationToken ct) =>
        db.Deliveries.AnyAsync(d => d.DestinationId == destination.Id && d.Id < deliveryId && d.State == DeliveryState.Pending
                                    && d.HeldFor == null && d.SlotAt != null && d.SlotAt <= soon, ct);

    // Waiting rows should not all wake at the same instant.
    private static TimeSpan Jitter() => TimeSpan.FromMilliseconds(Random.Shared.Next(0, 200));
}
