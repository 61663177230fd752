namespace TradeAlertBot.Storage.Entities;

/// <summary>
/// The outbox row for one message in a sent alert's thread: news of the trade action ("Published in the Federal
/// Register on …") or a reminder ("takes effect in 1 day"). (delivery, event) is unique, so each event reaches each
/// destination once; it is sent when due and after the alert itself has a message id.
/// </summary>
public class ThreadReply
{
    public long Id { get; set; }
    public long DeliveryId { get; set; }
    public Delivery? Delivery { get; set; }

    /// <summary>What happened, once per alert: "published:2026-12345", "correction:2026-12399", "remind:effective:2027-01-02:before".</summary>
    public required string EventKey { get; set; }

    /// <summary>Plain text; each sender renders it in the alert's thread.</summary>
    public required string Text { get; set; }

    /// <summary>True for a reminder: replanned (or dropped) while unsent when the channel's setting or the date changes.</summary>
    public bool IsReminder { get; set; }
    public DateTimeOffset DueAt { get; set; }
    public DeliveryState State { get; set; }
    public int Attempts { get; set; }

    /// <summary>Claim held by the worker sending it, or the time a retry waits for.</summary>
    public DateTimeOffset? ClaimedUntil { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public string? MessageId { get; set; }
    public string? LastError { get; set; }

    public void RecordError(string? error) => LastError = ErrorText.Clip(error);
}
