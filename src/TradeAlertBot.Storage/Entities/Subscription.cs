namespace TradeAlertBot.Storage.Entities;

/// <summary>A destination's interest in one rule, optionally narrowed by country, product or HS code.</summary>
public class Subscription
{
    public long Id { get; set; }
    public long DestinationId { get; set; }
    public Destination? Destination { get; set; }
    public required string RuleName { get; set; }
    public string? Country { get; set; }
    public string? Product { get; set; }
    public string? HsCode { get; set; }
}
