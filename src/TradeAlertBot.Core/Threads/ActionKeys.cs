using TradeAlertBot.Core.Items;

namespace TradeAlertBot.Core.Threads;

/// <summary>
/// The keys that name a trade action: its document numbers and dockets. A document shares an action with a story
/// that has one of its <see cref="Lookup"/> keys (its number, a docket, or a document it corrects) and adds its
/// <see cref="Own"/> keys to it.
/// </summary>
public static class ActionKeys
{
    public static string Document(string number) => "fr:" + number.Trim();

    public static string Docket(string docket) => "docket:" + docket.Trim().ToUpperInvariant();

    /// <summary>The keys the document gives its story: its own number and its dockets.</summary>
    public static IReadOnlyList<string> Own(OfficialDocument document) =>
        [.. new[] { Document(document.DocumentNumber) }.Concat(document.DocketIds.Where(d => d.Trim().Length > 0).Select(Docket)).Distinct()];

    /// <summary>The keys that find its story: its own, and the numbers of the documents it corrects or amends.</summary>
    public static IReadOnlyList<string> Lookup(OfficialDocument document) =>
        [.. Own(document).Concat(document.RelatedDocumentNumbers.Where(n => n.Trim().Length > 0).Select(Document)).Distinct()];
}
