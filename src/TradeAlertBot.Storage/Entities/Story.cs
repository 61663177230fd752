using TradeAlertBot.Core.Alerts;
using TradeAlertBot.Core.Items;

namespace TradeAlertBot.Storage.Entities;

/// <summary>
/// One news story, however many outlets report it: the first item founds it, later items whose fingerprint is
/// similar join it (and bump <see cref="OutletCount"/>) instead of making a new alert.
/// </summary>
public class Story
{
    public long Id { get; set; }
    public required string Fingerprint { get; set; }
    public required string Title { get; set; }
    public string? Link { get; set; }

    /// <summary>The outlet that reported it first (feed title or host).</summary>
    public required string Source { get; set; }
    public required string Summary { get; set; }
    public DateTimeOffset FirstSeenAt { get; set; }
    public DateTimeOffset LastSeenAt { get; set; }
    public DateTimeOffset? Published { get; set; }
    public int OutletCount { get; set; } = 1;

    /// <summary>Matched rule names, in the order they were first matched (a JSON array on SQLite, a text[] on PostgreSQL).</summary>
    public required List<string> Categories { get; set; }

    /// <summary>ISO country codes any report of the story named (a JSON array on SQLite, a text[] on PostgreSQL; searchable in SQL either way).</summary>
    public List<string> Countries { get; set; } = [];

    /// <summary>Why it matched and the facts found (stored as JSON), for rendering alerts without re-classifying.</summary>
    public AlertContent Content { get; set; } = new([], []);

    /// <summary>
    /// The official record of the trade action (stored as JSON): its latest state as its documents arrive (public
    /// inspection, publication, corrections); null for a story of news articles only.
    /// </summary>
    public OfficialDocument? Document { get; set; }

    /// <summary>When the action takes effect: from its document, else from the text ("effective 1 March"); for reminders.</summary>
    public DateOnly? EffectiveOn { get; set; }

    /// <summary>When comments on the action close, from its document; for reminders.</summary>
    public DateOnly? CommentsCloseOn { get; set; }

    /// <summary>Bumped when a later document changes what the alert shows (published, corrected, new dates).</summary>
    public int Revision { get; set; }

    public List<StoredItem> Items { get; set; } = [];
}
