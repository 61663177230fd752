namespace TradeAlertBot.Storage.Entities;

/// <summary>
/// One line of a destination's watch list (<c>watch add</c>): an HS code (digits), a product (its lexicon name) and/or
/// a country (ISO code), with a label. Alerts touching it say so at the top; <c>subscribe watchlist</c> makes the list
/// a subscription.
/// </summary>
public class WatchListEntry
{
    public const int MaxLabelLength = Core.Watching.WatchEntryInput.MaxLabelLength;

    public long Id { get; set; }
    public long DestinationId { get; set; }
    public Destination? Destination { get; set; }

    /// <summary>Digits only ("854143"), 2 to 10 of them.</summary>
    public string? HsCode { get; set; }
    public string? Product { get; set; }
    public string? Country { get; set; }
    public string? Label { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The entry as routing matches it.</summary>
    public Core.Watching.WatchEntry ToEntry() => new(HsCode, Product, Country, Label);
}
