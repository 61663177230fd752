using Microsoft.Extensions.Options;
using TradeAlertBot.Core.Alerts;
using TradeAlertBot.Core.Text;
using TradeAlertBot.Storage.Entities;
using TradeAlertBot.Telemetry;

namespace TradeAlertBot.Deliveries;

/// <summary>
/// Applies <see cref="DeliveryOutcome"/> to the rows of a failed send, for <see cref="AlertPoster"/>: the row changes,
/// the destination's push-back or pause, the metrics and the log, the same for an immediate alert and a digest.
/// </summary>
public sealed class DeliveryOutcomeRecorder(
    DestinationPacer pacer,
    IOptions<DeliveryOptions> options,
    BotMetrics metrics,
    TimeProvider time,
    ILogger<DeliveryOutcomeRecorder> logger)
{
    /// <summary>
    /// The outcome (<see cref="DeliveryOutcome"/>) of a failed post, lookup or update for each row it carried: backoff
    /// up to MaxAttempts then a dead letter, the platform's push-back on the whole destination, a dead letter for a
    /// refused message, or a paused destination. Returns when the rows should run again, if the outcome set a time.
    /// </summary>
    public async Task<TimeSpan?> RecordAsync(Destination destination, IReadOnlyList<Delivery> deliveries, Exception e, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        TimeSpan? runAgainIn = null;
        DeliveryOutcome? shared = null;
        foreach (var delivery in deliveries)
        {
            var wasSent = delivery.State == DeliveryState.Sent;
            delivery.RecordError(e.Message);
            if (wasSent && e is not AlertDeliveryException)
            {
                DeliveryLog.UpdateFailed(logger, delivery.Id, e.Message);
                continue;
            }

            AlertPoster.BackToPending(delivery);
            var outcome = DeliveryOutcome.From(e, delivery.Attempts, options.Value.MaxAttempts);
            shared = outcome;
            runAgainIn = Apply(destination, delivery, outcome, e, wasSent, now) ?? runAgainIn;
        }

        if (shared?.Kind == DeliveryOutcomeKind.RetryLater)
        {
            await pacer.PushBackAsync(destination, now + shared.Wait!.Value, ct); // the whole destination waits, not just these rows
        }
        else if (shared?.Kind == DeliveryOutcomeKind.Pause)
        {
            destination.Pause(e.Message, now);
            DeliveryLog.DestinationPaused(logger, destination.Id, destination.Kind, ShownUrl.Origin(destination.Address), e.Message);
        }

        return runAgainIn;
    }

    private TimeSpan? Apply(Destination destination, Delivery delivery, DeliveryOutcome outcome, Exception e, bool wasSent, DateTimeOffset now)
    {
        switch (outcome.Kind)
        {
            case DeliveryOutcomeKind.RetryLater:
                var wait = outcome.Wait ?? DeliveryOutcome.DefaultRetryAfter;
                (delivery.ClaimedUntil, delivery.SlotAt) = (now + wait, now + wait); // keeps its place past the storm gate
                metrics.DeliveryHeld(destination.Kind, "rate_limited");
                DeliveryLog.RateLimited(logger, delivery.Id, destination.Kind, wait.TotalSeconds);
                return wait;
            case DeliveryOutcomeKind.DeadLetter when e is AlertDeliveryException:
                (delivery.State, delivery.ClaimedUntil) = (wasSent ? DeliveryState.Sent : DeliveryState.Dead, null);
                metrics.DeliveryFailed(destination.Kind, "rejected");
                DeliveryLog.Rejected(logger, delivery.Id, destination.Kind, e.Message);
                return null;
            case DeliveryOutcomeKind.DeadLetter:
                (delivery.State, delivery.ClaimedUntil) = (DeliveryState.Dead, null);
                metrics.DeliveryFailed(destination.Kind, "error");
                DeliveryLog.DeadLettered(logger, delivery.Id, delivery.Attempts, e.Message);
                return null;
            case DeliveryOutcomeKind.Pause:
                delivery.ClaimedUntil = null; // pending: the paused destination's probe sends it
                metrics.DeliveryFailed(destination.Kind, e is AlertDeliveryException { Failure: DeliveryFailure.AccountBroken } ? "account_broken" : "destination_unavailable");
                return null;
            default:
                // Transient (timeouts, 5xx, dropped connections): "failed" is uncertain, so the retry looks up first.
                // Its time is stored with the row, so a restart finds it without this process's scheduled job.
                var delay = RetryPolicy.Delay(delivery.Attempts, Random.Shared.NextDouble(), options.Value);
                (delivery.State, delivery.ClaimedUntil, delivery.SlotAt) = (DeliveryState.Failed, now + delay, now + delay);
                metrics.DeliveryFailed(destination.Kind, "error");
                DeliveryLog.RetryScheduled(logger, delivery.Id, delivery.Attempts, delay.TotalSeconds, e.Message);
                return delay;
        }
    }
}
