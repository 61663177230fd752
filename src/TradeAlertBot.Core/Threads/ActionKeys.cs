using TradeAlertBot.Core.Items;

namespace TradeAlertBot.Core.Threads;

/// <summary>
/// The keys that name a trade action: its document numbers and dockets. A document shares an action with a story
/// that has one of its keys — its number, a docket, or the number of a document it corrects or amends — and gives the
/// story all of them, so the corrected document joins too when it is read after its correction.
/// </summary>
public static class ActionKeys
{
    public static string Document(string number) => "fr:" + number.Trim();

    public static string Docket(string docket) => "docket:" + docket.Trim().ToUpperInvariant();

    /// <summary>The keys that find the document's story and that it gives that story.</summary>
    public static IReadOnlyList<string> Of(OfficialDocument document) =>
        [.. new[] { Document(document.DocumentNumber) }
            .Concat(document.DocketIds.Where(d => d.Trim().Length > 0).Select(Docket))
            .Concat(document.RelatedDocumentNumbers.Where(n => n.Trim().Length > 0).Select(Document))
            .Distinct()];
}
