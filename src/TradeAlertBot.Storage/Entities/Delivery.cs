namespace TradeAlertBot.Storage.Entities;

/// <summary>
/// The outbox row for one alert: (story, destination) is unique, so a story can never be alerted twice to one
/// destination. Written in the same transaction that stores the story; a Deliver job sends it.
/// </summary>
public class Delivery
{
    public const int MaxWatchLine = 1000;

    public long Id { get; set; }
    public long StoryId { get; set; }
    public Story? Story { get; set; }
    public long DestinationId { get; set; }
    public Destination? Destination { get; set; }

    /// <summary>The subscription's rule that caused it (shown as "why").</summary>
    public required string RuleName { get; set; }

    /// <summary>What of the destination's watch list the report touched ("8541.43 solar cells, from CN"), shown at the top of the alert.</summary>
    public string? WatchLine { get; set; }
    public DeliveryState State { get; set; }
    public int Attempts { get; set; }

    /// <summary>
    /// When the last post attempt began, stored before the post: an uncertain attempt is looked for in the channel
    /// only around this time, since chat APIs may allow few and small history reads.
    /// </summary>
    public DateTimeOffset? AttemptedAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }

    /// <summary>The platform's id of the posted message, for threading and updates.</summary>
    public string? MessageId { get; set; }
    public string? LastError { get; set; }

    /// <summary>Claim held by the worker sending it; another worker skips the row until the claim expires.</summary>
    public DateTimeOffset? ClaimedUntil { get; set; }

    /// <summary>Why it is held to be sent later in a bundle ("digest", "mute", "quiet", "storm"); null otherwise.</summary>
    public string? HeldFor { get; set; }

    /// <summary>
    /// Set while a row that passed the storm gate waits to try again (rate limit, platform pushback, retry backoff):
    /// when it may, and a mark that it keeps its place rather than counting towards a storm twice.
    /// </summary>
    public DateTimeOffset? SlotAt { get; set; }

    /// <summary>Outlet count last shown to the destination; a higher story count means an update is due.</summary>
    public int OutletsShown { get; set; }

    /// <summary>The story's <c>Revision</c> last shown to the destination; a higher one means the alert is edited.</summary>
    public int RevisionShown { get; set; }

    /// <summary>Stores why the last attempt failed, clipped to the column; null clears it.</summary>
    public void RecordError(string? error) => LastError = ErrorText.Clip(error);
}
