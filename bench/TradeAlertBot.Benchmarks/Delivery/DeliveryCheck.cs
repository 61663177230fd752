namespace TradeAlertBot.Benchmarks.Delivery;

/// <summary>
/// CI's check of the delivery targets in under two minutes: a scaled-down load run with storms as configured (200 items × 10
/// channels), one where the rate limit binds (storm gate off: 20 alerts to each of 5 channels), and the latency
/// run. One PASS/FAIL line per target: nothing lost, nothing twice, no 429 after warm-up, p99 latency under 2 s.
/// </summary>
internal static class DeliveryCheck
{
    private const double TargetP99Ms = 2_000;

    public static async Task<int> RunAsync(TextWriter output)
    {
        var storm = await DeliveryBenchmark.RunLoadAsync(200, 10, output, []);
        var paced = await DeliveryBenchmark.RunLoadAsync(20, 5, output, ["--Delivery:StormThreshold=100000"]);
        var latency = await DeliveryBenchmark.RunLatencyAsync(16, 3, TimeSpan.FromSeconds(2.5), output, []);

        var verdicts = new List<(bool, string)>();
        foreach (var (name, run) in new[] { ("200 items x 10 channels, storms on", storm), ("20 items x 5 channels, rate limit binding", paced) })
        {
            verdicts.Add((run.Finished && run.Lost == 0, $"delivery {name}: every row sent and seen by Slack (lost {run.Lost} of {run.Rows:N0})"));
            verdicts.Add((run.Duplicates == 0, $"delivery {name}: no alert posted twice (duplicates {run.Duplicates})"));
            verdicts.Add((run.LateRejections == 0, $"delivery {name}: no 429 after warm-up ({run.LateRejections} after 10 s, {run.Rejections} in all)"));
        }

        verdicts.Add((latency.Samples == latency.Expected && latency.P99Ms < TargetP99Ms,
            $"delivery latency served -> accepted: p99 {latency.P99Ms:N0} ms over {latency.Samples} of {latency.Expected} alerts (target < {TargetP99Ms:N0} ms)"));
        foreach (var (pass, text) in verdicts)
        {
            output.WriteLine((pass ? "PASS: " : "FAIL: ") + text);
        }

        return verdicts.All(v => v.Item1) ? 0 : 1;
    }
}
