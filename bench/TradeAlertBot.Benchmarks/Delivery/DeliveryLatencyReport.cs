namespace TradeAlertBot.Benchmarks.Delivery;

/// <summary>Served → accepted latency of alerts that no rate limit or hold delayed.</summary>
internal sealed record DeliveryLatencyReport(int Samples, int Expected, double P50Ms, double P99Ms, int Rejections)
{
    public static double Percentile(IReadOnlyCollection<double> values, double p)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
    }
}
