namespace TradeAlertBot.Commands.Shared;

/// <summary>
/// A recommended official source: <see cref="Name"/> is what <c>sources add</c> takes, <see cref="Covers"/> what it
/// brings, <see cref="Origin"/> where its URL comes from (so an admin can check or adapt it).
/// </summary>
public sealed record CatalogSource(string Name, string Title, string Covers, Uri Url, string Origin);
