namespace TradeAlertBot.Hosting;

/// <summary>The <c>Rules</c> settings: the category rule file seeded at first start (the built-in pack when unset).</summary>
public sealed class RulesOptions
{
    public const string SectionName = "Rules";

    public string? Path { get; set; }
}
