namespace TradeAlertBot.Benchmarks.Delivery;

/// <summary>What one delivery load run measured and verified, for the CI check.</summary>
internal sealed record DeliveryLoadReport(
    bool Finished,
    int Rows,
    int Lost,
    int Duplicates,
    int LateRejections,
    int Rejections,
    double Seconds,
    double LowerBoundSeconds);
