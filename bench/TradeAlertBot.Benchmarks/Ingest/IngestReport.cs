namespace TradeAlertBot.Benchmarks.Ingest;

/// <summary>What one ingest run measured, for the CI target check.</summary>
public sealed record IngestReport(int ItemsServed, int ItemsStored, double ItemsPerSecond, double UnchangedCycleSeconds);
