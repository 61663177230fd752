using System.Globalization;
using TradeAlertBot.Core.Items;

namespace TradeAlertBot.Core.Alerts;

/// <summary>
/// An official document's facts as the alert's labelled lines (document, type, agencies, publication, effective date,
/// comment deadline, dockets, CFR parts). A story's document lines are replaced whole when a later document changes
/// the action, so <see cref="Labels"/> names every line this writes.
/// </summary>
public static class DocumentFactLines
{
    /// <summary>The labels of the lines <see cref="From"/> writes (and "Effective", which text extraction also writes).</summary>
    public static readonly IReadOnlySet<string> Labels = new HashSet<string>(StringComparer.Ordinal)
    {
        "Document", "Type", "Agencies", "Published", "Public inspection", "Effective", "Comments close", "Dockets", "CFR",
    };

    public static IReadOnlyList<AlertFact> From(OfficialDocument document)
    {
        var lines = new List<AlertFact> { new("Document", document.DocumentNumber), new("Type", TypeName(document.Type)) };
        if (document.Agencies.Count > 0)
        {
            lines.Add(new AlertFact("Agencies", string.Join(", ", document.Agencies)));
        }

        if (document.OnPublicInspection)
        {
            lines.Add(new AlertFact("Public inspection", document.PublicationDate is { } day
                ? $"on public inspection, to be published on {Day(day)}"
                : "on public inspection"));
        }
        else if (document.PublicationDate is { } published)
        {
            lines.Add(new AlertFact("Published", Day(published)));
        }

        if (document.EffectiveOn is { } effective)
        {
            lines.Add(new AlertFact("Effective", Day(effective)));
        }

        if (document.CommentsCloseOn is { } comments)
        {
            lines.Add(new AlertFact("Comments close", Day(comments)));
        }

        if (document.DocketIds.Count > 0)
        {
            lines.Add(new AlertFact("Dockets", string.Join(", ", document.DocketIds)));
        }

        if (document.CfrReferences.Count > 0)
        {
            lines.Add(new AlertFact("CFR", string.Join(", ", document.CfrReferences)));
        }

        return lines;
    }

    /// <summary>"3 Dec 2026": the one way thread news and reminders write a day.</summary>
    public static string Day(DateOnly day) => day.ToString("d MMM yyyy", CultureInfo.InvariantCulture);

    public static string TypeName(OfficialDocumentType type) => type switch
    {
        OfficialDocumentType.Rule => "Rule",
        OfficialDocumentType.ProposedRule => "Proposed Rule",
        OfficialDocumentType.Notice => "Notice",
        OfficialDocumentType.PresidentialDocument => "Presidential Document",
        _ => "Document",
    };
}
