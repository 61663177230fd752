namespace TradeAlertBot.Storage.Entities;

public enum DeliveryState
{
    Pending,
    Sending,
    Sent,
    Failed,
    Dead,
}
