using TradeAlertBot.Storage.Entities;

namespace TradeAlertBot.Storage.Queries;

public static class DeliveryQueries
{
    /// <summary>Rows still to send: not sent, not dead-lettered, attempts left under Delivery:MaxAttempts.</summary>
    public static IQueryable<Delivery> Unsent(this IQueryable<Delivery> deliveries, int maxAttempts) =>
        deliveries.Where(d => d.State != DeliveryState.Sent && d.State != DeliveryState.Dead && d.Attempts < maxAttempts);
}
