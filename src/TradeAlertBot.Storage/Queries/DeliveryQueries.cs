using TradeAlertBot.Storage.Entities;

namespace TradeAlertBot.Storage.Queries;

public static class DeliveryQueries
{
    /// <summary>Rows still to send: not sent, not dead-lettered, attempts left under Delivery:MaxAttempts.</summary>
    public static IQueryable<Delivery> Unsent(this IQueryable<Delivery> deliveries, int maxAttempts) =>
        deliveries.Where(d => d.State != DeliveryState.Sent && d.State != DeliveryState.Dead && d.Attempts < maxAttempts);

    /// <summary>Rows a worker claimed (or set to retry) until a time that has passed.</summary>
    public static IQueryable<Delivery> ClaimLapsed(this IQueryable<Delivery> deliveries, DateTimeOffset now) =>
        deliveries.Where(d => d.ClaimedUntil != null && d.ClaimedUntil < now);

    /// <summary>
    /// Rows whose job may be lost: the stored retry time (or a dead worker's claim) has passed, or, never claimed,
    /// they were made more than <paramref name="orphanAge"/> ago (their enqueued job had that long).
    /// </summary>
    public static IQueryable<Delivery> Orphaned(this IQueryable<Delivery> deliveries, DateTimeOffset now, TimeSpan orphanAge)
    {
        var cutoff = now - orphanAge;
        return deliveries.Where(d => d.ClaimedUntil == null ? d.CreatedAt < cutoff : d.ClaimedUntil < now);
    }
}
