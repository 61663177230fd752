namespace TradeAlertBot.Storage.Entities;

/// <summary>A named rule: a category of the default pack or an admin's watch rule. Seeded on first start.</summary>
public class WatchRule
{
    public long Id { get; set; }
    public required string Name { get; set; }
    public required string Query { get; set; }
    public bool IsCategory { get; set; }
    public string? CreatedBy { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
