namespace TradeAlertBot.Storage.Entities;

/// <summary>Where alerts go: the console, the local web stream, a Slack channel or a Teams conversation.</summary>
public class Destination
{
    public long Id { get; set; }

    /// <summary>Sender kind: one of <c>DestinationKind</c> (Core.Alerts).</summary>
    public required string Kind { get; set; }

    /// <summary>Kind-specific address (channel id, conversation id); unique with <see cref="Kind"/>.</summary>
    public required string Address { get; set; }
    public string? Name { get; set; }
    public bool Paused { get; set; }
    public string? PausedReason { get; set; }

    /// <summary>When it was paused (or last probed); a paused destination is probed again an hour later.</summary>
    public DateTimeOffset? PausedAt { get; set; }

    /// <summary>Set by <c>mute</c>: alerts are held (not dropped) until then.</summary>
    public DateTimeOffset? MutedUntil { get; set; }

    /// <summary>"hourly" or "daily HH:mm" (<see cref="Core.Routing.DigestSchedule"/>); null sends each alert at once.</summary>
    public string? Digest { get; set; }

    /// <summary>IANA time zone for daily digests (default UTC).</summary>
    public string? TimeZone { get; set; }

    /// <summary>When the next digest goes out; alerts wait (pending) until then.</summary>
    public DateTimeOffset? NextDigestAt { get; set; }

    /// <summary>"22:00-07:00" in <see cref="TimeZone"/>: alerts are held during those hours and sent together after.</summary>
    public string? QuietHours { get; set; }

    /// <summary>A storm is on until then: more alerts arrived than the channel should take; the rest are bundled.</summary>
    public DateTimeOffset? StormUntil { get; set; }

    /// <summary>The storm counter: single alerts sent in the window that began at <see cref="StormWindowStart"/>.</summary>
    public DateTimeOffset? StormWindowStart { get; set; }
    public int StormWindowCount { get; set; }

    /// <summary>The destination's rate limiter: the next free send slot, shared by every process through the database.</summary>
    public DateTimeOffset? NextSendAt { get; set; }

    /// <summary>The Slack workspace (team id) a "slack" destination belongs to; null in single-workspace mode.</summary>
    public string? TeamId { get; set; }

    /// <summary>
    /// The destination's credential, encrypted with Data Protection: a Workflows webhook's full URL (its <c>sig=</c>
    /// query is the key). <see cref="Address"/> then names it without the secret.
    /// </summary>
    public string? ProtectedSecret { get; set; }

    /// <summary>Set by <c>remind</c>: "1d" or "3d" before an effective date, or "off"; null is the default, 1d.</summary>
    public string? Remind { get; set; }

    /// <summary>Set by <c>remind comments on</c>: comment deadlines are reminded too.</summary>
    public bool RemindComments { get; set; }

    public List<Subscription> Subscriptions { get; set; } = [];

    /// <summary>The HS codes, products and countries this destination watches, in the order added.</summary>
    public List<WatchListEntry> WatchList { get; set; } = [];

    /// <summary>Stops sending here (alerts are kept) with a reason people will see; a send is tried again later.</summary>
    public void Pause(string reason, DateTimeOffset now) =>
        (Paused, PausedReason, PausedAt) = (true, reason.Length > 500 ? reason[..500] : reason, now);

    /// <summary>Lifts a pause; held alerts go out with the next sweep (and pause it again if the cause remains).</summary>
    public void Resume() => (Paused, PausedReason, PausedAt) = (false, null, null);
}
