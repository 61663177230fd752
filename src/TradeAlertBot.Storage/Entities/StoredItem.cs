using TradeAlertBot.Core.Items;

namespace TradeAlertBot.Storage.Entities;

/// <summary>One feed item as stored after normalisation. <see cref="DedupeKey"/> is unique per feed.</summary>
public class StoredItem
{
    public long Id { get; set; }
    public long FeedId { get; set; }
    public Feed? Feed { get; set; }
    public long StoryId { get; set; }
    public Story? Story { get; set; }

    /// <summary>GUID, else link, else content hash: what makes the item the same on the next poll.</summary>
    public required string DedupeKey { get; set; }
    public required string ContentHash { get; set; }
    public string? Link { get; set; }
    public required string Title { get; set; }
    public required string Body { get; set; }
    public DateTimeOffset? Published { get; set; }
    public DateTimeOffset FetchedAt { get; set; }

    /// <summary>The official record the item was read from (stored as JSON); null for a news article.</summary>
    public OfficialDocument? Document { get; set; }
}
