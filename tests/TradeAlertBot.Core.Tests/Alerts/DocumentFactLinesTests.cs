using TradeAlertBot.Core.Alerts;
using TradeAlertBot.Core.Items;

namespace TradeAlertBot.Core.Tests.Alerts;

public sealed class DocumentFactLinesTests
{
    private static readonly OfficialDocument Rule = new(
        "2026-23456",
        OfficialDocumentType.Rule,
        ["Industry and Security Bureau"],
        new DateOnly(2026, 12, 2),
        OnPublicInspection: false,
        EffectiveOn: new DateOnly(2027, 1, 15),
        CommentsCloseOn: new DateOnly(2027, 2, 1),
        CfrReferences: ["15 CFR 744", "15 CFR 746"],
        DocketIds: ["BIS-2026-0042"],
        RelatedDocumentNumbers: []);

    [Fact]
    public void A_published_rule_lists_number_type_agency_dates_dockets_and_cfr()
    {
        Assert.Equal(
            [
                new AlertFact("Document", "2026-23456"),
                new AlertFact("Type", "Rule"),
                new AlertFact("Agencies", "Industry and Security Bureau"),
                new AlertFact("Published", "2 Dec 2026"),
                new AlertFact("Effective", "15 Jan 2027"),
                new AlertFact("Comments close", "1 Feb 2027"),
                new AlertFact("Dockets", "BIS-2026-0042"),
                new AlertFact("CFR", "15 CFR 744, 15 CFR 746"),
            ],
            DocumentFactLines.From(Rule));
    }

    [Fact]
    public void A_document_on_public_inspection_says_when_it_is_to_be_published_instead_of_a_publication_line()
    {
        var lines = DocumentFactLines.From(Rule with { OnPublicInspection = true });

        Assert.Contains(new AlertFact("Public inspection", "on public inspection, to be published on 2 Dec 2026"), lines);
        Assert.DoesNotContain(lines, l => l.Label == "Published");
    }

    [Fact]
    public void Facts_the_document_lacks_are_left_out_and_a_correction_names_what_it_corrects()
    {
        var notice = new OfficialDocument(
            "2026-00001", OfficialDocumentType.Notice, [], null, false, null, null, [], [], ["2025-99999"]);

        Assert.Equal(
            [new AlertFact("Document", "2026-00001"), new AlertFact("Type", "Notice"), new AlertFact("Corrects", "2025-99999")],
            DocumentFactLines.From(notice));
    }

    [Fact]
    public void Every_line_it_writes_carries_a_label_it_names_so_a_later_document_replaces_them_all()
    {
        var everything = Rule with { RelatedDocumentNumbers = ["2025-99999"] };

        Assert.All(DocumentFactLines.From(everything), l => Assert.Contains(l.Label, DocumentFactLines.Labels));
        Assert.All(DocumentFactLines.From(everything with { OnPublicInspection = true }), l => Assert.Contains(l.Label, DocumentFactLines.Labels));
    }

    [Theory]
    [InlineData(OfficialDocumentType.Rule, "Rule")]
    [InlineData(OfficialDocumentType.ProposedRule, "Proposed Rule")]
    [InlineData(OfficialDocumentType.Notice, "Notice")]
    [InlineData(OfficialDocumentType.PresidentialDocument, "Presidential Document")]
    [InlineData(OfficialDocumentType.Other, "Document")]
    public void Each_type_has_the_publishers_name(OfficialDocumentType type, string name)
    {
        Assert.Equal(name, DocumentFactLines.TypeName(type));
    }
}
