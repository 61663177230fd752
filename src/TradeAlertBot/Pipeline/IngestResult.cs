namespace TradeAlertBot.Pipeline;

/// <summary>What one batch of feed items produced; the delivery ids are sent by Deliver jobs.</summary>
public sealed record IngestResult(int NewItems, int NewStories, int JoinedStories, IReadOnlyList<long> DeliveriesToSend)
{
    public static IngestResult Empty { get; } = new(0, 0, 0, []);
}
