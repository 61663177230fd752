using System.Globalization;

namespace TradeAlertBot.Core.Items;

/// <summary>
/// The fact lines an alert shows for an <see cref="OfficialDocument"/>, in the order a compliance reader scans them:
/// what it is, who issued it, its number, public inspection, when it takes effect, when comments close, what it
/// amends (CFR) and where it is filed (dockets). Facts the document lacks are left out.
/// </summary>
public static class OfficialDocumentFacts
{
    /// <summary>The lines for <paramref name="document"/>, e.g. "Rule", "Agency: Industry and Security Bureau", "Effective 15 Jan 2027".</summary>
    public static IReadOnlyList<string> Lines(OfficialDocument document)
    {
        var lines = new List<string> { TypeName(document.Type) };
        if (document.Agencies.Count > 0)
        {
            lines.Add((document.Agencies.Count == 1 ? "Agency: " : "Agencies: ") + string.Join("; ", document.Agencies));
        }

        lines.Add("Document number: " + document.DocumentNumber);
        if (document.OnPublicInspection)
        {
            lines.Add(document.PublicationDate is { } day
                ? "On public inspection; to be published on " + Day(day)
                : "On public inspection; not yet published");
        }

        if (document.EffectiveOn is { } effective)
        {
            lines.Add("Effective " + Day(effective));
        }

        if (document.CommentsCloseOn is { } comments)
        {
            lines.Add("Comments close " + Day(comments));
        }

        if (document.CfrReferences.Count > 0)
        {
            lines.Add("CFR: " + string.Join("; ", document.CfrReferences));
        }

        if (document.DocketIds.Count > 0)
        {
            lines.Add((document.DocketIds.Count == 1 ? "Docket: " : "Dockets: ") + string.Join("; ", document.DocketIds));
        }

        if (document.RelatedDocumentNumbers.Count > 0)
        {
            lines.Add("Corrects: " + string.Join("; ", document.RelatedDocumentNumbers));
        }

        return lines;
    }

    /// <summary>The type as a reader says it: "Rule", "Proposed rule", "Notice", "Presidential document", "Document".</summary>
    public static string TypeName(OfficialDocumentType type) => type switch
    {
        OfficialDocumentType.Rule => "Rule",
        OfficialDocumentType.ProposedRule => "Proposed rule",
        OfficialDocumentType.Notice => "Notice",
        OfficialDocumentType.PresidentialDocument => "Presidential document",
        _ => "Document",
    };

    /// <summary>A day as alerts write it: "2 Dec 2026" (the same in every culture).</summary>
    public static string Day(DateOnly day) => day.ToString("d MMM yyyy", CultureInfo.InvariantCulture);
}
