namespace TradeAlertBot.Core.Items;

/// <summary>The Federal Register's document types (its API's <c>type</c> values), plus one for anything else.</summary>
public enum OfficialDocumentType
{
    Other,
    Rule,
    ProposedRule,
    Notice,
    PresidentialDocument,
}
