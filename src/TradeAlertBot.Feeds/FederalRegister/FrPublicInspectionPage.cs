namespace TradeAlertBot.Feeds.FederalRegister;

/// <summary><c>public-inspection-documents/current.json</c>: every document on public inspection now.</summary>
internal sealed record FrPublicInspectionPage(int? Count, IReadOnlyList<FrPublicInspectionDocument>? Results);
