namespace TradeAlertBot.Feeds.FederalRegister;

internal sealed record FrPublicInspectionDocument(
    string? DocumentNumber,
    string? Type,
    string? Title,
    IReadOnlyList<FrAgency>? Agencies,
    string? PublicationDate,
    string? FiledAt,
    string? HtmlUrl,
    string? PdfUrl,
    IReadOnlyList<string?>? DocketNumbers,
    string? EditorialNote);
