namespace TradeAlertBot.Storage.Entities;

/// <summary>A polled feed and its health: validators, schedule and the last outcome.</summary>
public class Feed
{
    public long Id { get; set; }
    public required string Url { get; set; }
    public string? Title { get; set; }
    public bool Enabled { get; set; } = true;

    /// <summary>Why the feed was disabled (e.g. "410 Gone"), shown to admins.</summary>
    public string? DisabledReason { get; set; }

    /// <summary>Polling interval chosen by an admin; null means the configured default.</summary>
    public TimeSpan? Interval { get; set; }

    /// <summary>Validators exactly as the server sent them, sent back on the next poll.</summary>
    public string? ETag { get; set; }
    public string? LastModified { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? LastFetchedAt { get; set; }
    public DateTimeOffset? LastSuccessAt { get; set; }
    public DateTimeOffset NextPollAt { get; set; }
    public string? LastStatus { get; set; }
    public int ConsecutiveErrors { get; set; }
    public string? LastError { get; set; }

    /// <summary>Lease against double polling: set when a poll is enqueued, cleared when it ends.</summary>
    public DateTimeOffset? PollingUntil { get; set; }

    /// <summary>Which dispatch run took the lease, so one UPDATE can lease many feeds and the run can read back its own.</summary>
    public Guid? LeaseToken { get; set; }

    /// <summary>Stores why the last poll failed, clipped to the column; null clears it.</summary>
    public void RecordError(string? error) => LastError = ErrorText.Clip(error);
}
