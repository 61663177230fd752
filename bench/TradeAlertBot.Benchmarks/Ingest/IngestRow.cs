namespace TradeAlertBot.Benchmarks.Ingest;

/// <summary>What one multi-node ingest run measured: speed, cost, latency, size, and the correctness counts.</summary>
internal sealed record IngestRow(
    string Store,
    int Nodes,
    int ItemsServed,
    int ItemsStored,
    double IngestSeconds,
    TimeSpan BotCpu,
    TimeSpan ServerCpu,
    double LatencyP50Ms,
    double LatencyP99Ms,
    double DrainSeconds,
    long JobsLeftAfterDrain,
    double UnchangedSeconds,
    TimeSpan UnchangedCpu,
    TimeSpan UnchangedServerCpu,
    int Feeds,
    long DatabaseBytes,
    long HangfireBytes,
    int? PeakConnections,
    int Deliveries,
    int Stories,
    int ExpectedStories,
    int StoriesFoundedTwice,
    int ItemsStoredTwice,
    int FeedsServedTwice)
{
    public string Label => $"{Store}, {Nodes} node{(Nodes == 1 ? "" : "s")}";

    public double ItemsPerSecond => ItemsStored / IngestSeconds;

    public double CpuMicrosPerItem => (BotCpu + ServerCpu).TotalMilliseconds * 1000 / Math.Max(1, ItemsStored);

    public double ServerCpuMicrosPerItem => ServerCpu.TotalMilliseconds * 1000 / Math.Max(1, ItemsStored);

    public double CpuMicrosPerUnchangedPoll => UnchangedCpu.TotalMilliseconds * 1000 / Math.Max(1, Feeds);

    public double ServerCpuMicrosPerUnchangedPoll => UnchangedServerCpu.TotalMilliseconds * 1000 / Math.Max(1, Feeds);

    public double MiBPer100kItems => DatabaseBytes * 100_000.0 / Math.Max(1, ItemsStored) / (1024 * 1024);

    public double HangfireMiBPer100kItems => HangfireBytes * 100_000.0 / Math.Max(1, ItemsStored) / (1024 * 1024);

    /// <summary>
    /// Every item stored once, every story founded once, no feed polled twice. Fewer stories than distinct reports is
    /// not a fault: the clusterer may join near-duplicates of the synthetic text (the one-node SQLite run does too).
    /// </summary>
    public bool Correct => ItemsStored == ItemsServed && Stories <= ExpectedStories && StoriesFoundedTwice == 0
        && ItemsStoredTwice == 0 && FeedsServedTwice == 0;
}
