using Microsoft.Extensions.Options;
using TradeAlertBot.Core.Routing;
using TradeAlertBot.Core.Text;
using TradeAlertBot.Storage;
using TradeAlertBot.Storage.Entities;
using TradeAlertBot.Telemetry;

namespace TradeAlertBot.Deliveries;

/// <summary>
/// The first step of <see cref="AlertPoster"/>: whether a row waits instead of posting — mute, quiet hours, a digest
/// (the destination's holds) or a storm (too many alerts in a short window, counted by <see cref="StormGate"/>). A held
/// row waits, marked, for <see cref="HeldAlertsJob"/> to bundle it.
/// </summary>
public sealed class HoldGate(TradeAlertDbContext db, IOptions<DeliveryOptions> options, BotMetrics metrics, ILogger<HoldGate> logger)
{
    /// <summary>Finished when the row is held (marked and pending), Continue when it may go on to post.</summary>
    public async Task<Posting> HoldAsync(Delivery delivery, DateTimeOffset now, CancellationToken ct)
    {
        var destination = delivery.Destination!;
        var hold = HoldPolicy.Current(destination.Holds(), now);
        if (hold?.Reason == "storm" && delivery.SlotAt is not null)
        {
            hold = null; // it passed the storm gate before the storm began, and only waited for the rate limit
        }

        // A row coming back for its rate-limit slot already passed the storm gate.
        if (hold is null && delivery.SlotAt is null
            && await StormGate.TryPassAsync(db, destination.Id, now, options.Value, ct) is { } stormEnds)
        {
            destination.StormUntil = stormEnds;
            hold = new Hold("storm", stormEnds);
            DeliveryLog.Storm(logger, destination.Kind, ShownUrl.Origin(destination.Address), options.Value.StormThreshold, options.Value.StormWindow, stormEnds);
        }

        if (hold is null)
        {
            return Posting.Continue;
        }

        (delivery.State, delivery.HeldFor, delivery.ClaimedUntil) = (DeliveryState.Pending, hold.Reason, hold.Until > now ? hold.Until : null);
        metrics.DeliveryHeld(destination.Kind, hold.Reason);
        return Posting.Finished;
    }
}
