using TradeAlertBot.Core.Items;

namespace TradeAlertBot.Feeds.FederalRegister;

/// <summary>
/// The API's document types: results name them ("Rule", "Proposed Rule", "Notice", "Presidential Document"),
/// search conditions use codes (RULE, PRORULE, NOTICE, PRESDOCU; open_api_v3.yml, DocumentType).
/// </summary>
internal static class FederalRegisterTypes
{
    public static OfficialDocumentType Parse(string? type) => Code(type) switch
    {
        "RULE" => OfficialDocumentType.Rule,
        "PRORULE" => OfficialDocumentType.ProposedRule,
        "NOTICE" => OfficialDocumentType.Notice,
        "PRESDOCU" => OfficialDocumentType.PresidentialDocument,
        _ => OfficialDocumentType.Other,
    };

    /// <summary>The search code of a type given by name or code; null for any other type.</summary>
    public static string? Code(string? type) => type?.Trim().ToUpperInvariant() switch
    {
        "RULE" => "RULE",
        "PROPOSED RULE" or "PRORULE" => "PRORULE",
        "NOTICE" => "NOTICE",
        "PRESIDENTIAL DOCUMENT" or "PRESDOCU" => "PRESDOCU",
        _ => null,
    };
}
