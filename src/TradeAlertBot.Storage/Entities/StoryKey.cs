namespace TradeAlertBot.Storage.Entities;

/// <summary>
/// A key that names one trade action ("fr:2026-12345" for a document number, "docket:BIS-2026-0001"), unique across
/// stories: a later document that carries it (publication, correction, another document in the docket) joins that
/// story instead of founding a second one.
/// </summary>
public class StoryKey
{
    public long Id { get; set; }
    public long StoryId { get; set; }
    public Story? Story { get; set; }
    public required string Key { get; set; }
}
