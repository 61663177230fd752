namespace TradeAlertBot.TestFakes;

/// <summary>
/// A document <see cref="FakeFederalRegister"/> serves, published or on public inspection. <see cref="Type"/> is the
/// API's display name ("Rule", "Proposed Rule", "Notice", "Presidential Document"); agencies are (name, slug) pairs.
/// </summary>
public sealed record FakeFrDocument(
    string DocumentNumber,
    string Type,
    string Title,
    DateOnly PublicationDate,
    IReadOnlyList<(string Name, string Slug)> Agencies)
{
    public string? Abstract { get; init; }
    public DateOnly? EffectiveOn { get; init; }
    public DateOnly? CommentsCloseOn { get; init; }
    public IReadOnlyList<(int Title, int Part)> CfrReferences { get; init; } = [];
    public IReadOnlyList<string> DocketIds { get; init; } = [];

    /// <summary>The document number this one corrects, if any.</summary>
    public string? CorrectionOf { get; init; }

    /// <summary>When it was filed for public inspection (public inspection documents only).</summary>
    public DateTimeOffset? FiledAt { get; init; }

    public static readonly (string Name, string Slug) Bis = ("Industry and Security Bureau", "industry-and-security-bureau");
    public static readonly (string Name, string Slug) Ita = ("International Trade Administration", "international-trade-administration");
    public static readonly (string Name, string Slug) Ofac = ("Foreign Assets Control Office", "foreign-assets-control-office");

    /// <summary>The search code of <see cref="Type"/> (conditions[type][]).</summary>
    public string TypeCode => Type switch
    {
        "Rule" => "RULE",
        "Proposed Rule" => "PRORULE",
        "Notice" => "NOTICE",
        "Presidential Document" => "PRESDOCU",
        _ => "OTHER",
    };
}
