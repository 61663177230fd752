namespace TradeAlertBot.Feeds.FederalRegister;

internal sealed record FrDocument(
    string? DocumentNumber,
    string? Type,
    string? Title,
    string? Abstract,
    string? HtmlUrl,
    string? PublicationDate,
    string? EffectiveOn,
    string? CommentsCloseOn,
    IReadOnlyList<FrAgency>? Agencies,
    IReadOnlyList<FrCfrReference>? CfrReferences,
    IReadOnlyList<string?>? DocketIds,
    string? CorrectionOf);
