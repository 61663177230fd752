namespace TradeAlertBot.Feeds.FederalRegister;

/// <summary>An agency as a document names it; <c>raw_name</c> alone when the API knows no agency record for it.</summary>
internal sealed record FrAgency(string? Name, string? RawName, string? Slug);
