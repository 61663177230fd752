namespace TradeAlertBot.Ingest;

/// <summary>What one batch of feed items produced; the delivery ids are sent by Deliver jobs.</summary>
public sealed record IngestResult(int NewItems, int NewStories, int JoinedStories, IReadOnlyList<long> DeliveriesToSend)
{
    /// <summary>New items left for a later poll because the batch was over its cap (the oldest ones).</summary>
    public int Deferred { get; init; }

    public static IngestResult Empty { get; } = new(0, 0, 0, []);
}
