namespace TradeAlertBot.Core.Extraction;

/// <summary>The facts of an item, each list in order of first appearance (title first, then body).</summary>
public sealed record ExtractedFacts(
    IReadOnlyList<RateFact> Rates,
    IReadOnlyList<MoneyFact> Amounts,
    IReadOnlyList<string> Countries,
    IReadOnlyList<ProductFact> Products,
    IReadOnlyList<DateFact> Dates);

public enum RateUnit
{
    Percent,
    PercentagePoints,

    /// <summary>A specific duty: an amount of money per quantity ("64.06 ringgit per tonne", "3/8 cent per kilo").</summary>
    PerQuantity,
}

public enum RateRole
{
    None,
    From,
    To,
}

/// <summary>
/// A percentage, or a specific duty (<see cref="RateUnit.PerQuantity"/>, with its <see cref="Currency"/> as written
/// or as an ISO code and the quantity it is <see cref="Per"/>); <see cref="IsTariffRate"/> only when a
/// tariff/duty/levy word is near (not "shares rose 169%").
/// </summary>
public sealed record RateFact(string Text, decimal Value, RateUnit Unit, RateRole Role, bool IsTariffRate, string? Currency = null, string? Per = null);

/// <summary>An amount of money, fully scaled ("$200 billion" is 200000000000) with its ISO 4217 currency.</summary>
public sealed record MoneyFact(string Text, decimal Value, string Currency);

/// <summary>A product from the lexicon (canonical <see cref="Name"/>), or an HS code written in the text.</summary>
public sealed record ProductFact(string Name, string Text, string? HsCode);

/// <summary>A calendar date; <see cref="IsEffective"/> when introduced as a start ("effective April 9", "from 1 May").</summary>
public sealed record DateFact(string Text, DateOnly Date, bool IsEffective);
