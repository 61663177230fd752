using TradeAlertBot.Core.Items;

namespace TradeAlertBot.Core.Tests.Items;

public sealed class OfficialDocumentFactsTests
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
    public void A_published_rule_lists_type_agency_number_dates_cfr_and_docket_in_that_order()
    {
        Assert.Equal(
            [
                "Rule",
                "Agency: Industry and Security Bureau",
                "Document number: 2026-23456",
                "Effective 15 Jan 2027",
                "Comments close 1 Feb 2027",
                "CFR: 15 CFR 744; 15 CFR 746",
                "Docket: BIS-2026-0042",
            ],
            OfficialDocumentFacts.Lines(Rule));
    }

    [Fact]
    public void A_document_on_public_inspection_says_when_it_is_to_be_published()
    {
        var lines = OfficialDocumentFacts.Lines(Rule with { OnPublicInspection = true });

        Assert.Contains("On public inspection; to be published on 2 Dec 2026", lines);
    }

    [Fact]
    public void A_published_document_has_no_public_inspection_line()
    {
        Assert.DoesNotContain(OfficialDocumentFacts.Lines(Rule), l => l.StartsWith("On public inspection", StringComparison.Ordinal));
    }

    [Fact]
    public void Facts_the_document_lacks_are_left_out_and_plurals_follow_the_counts()
    {
        var notice = new OfficialDocument(
            "2026-00001", OfficialDocumentType.Notice, ["International Trade Administration", "Commerce Department"], null,
            false, null, null, [], ["A-570-001", "C-570-002"], ["2025-99999"]);

        Assert.Equal(
            [
                "Notice",
                "Agencies: International Trade Administration; Commerce Department",
                "Document number: 2026-00001",
                "Dockets: A-570-001; C-570-002",
                "Corrects: 2025-99999",
            ],
            OfficialDocumentFacts.Lines(notice));
    }

    [Theory]
    [InlineData(OfficialDocumentType.Rule, "Rule")]
    [InlineData(OfficialDocumentType.ProposedRule, "Proposed rule")]
    [InlineData(OfficialDocumentType.Notice, "Notice")]
    [InlineData(OfficialDocumentType.PresidentialDocument, "Presidential document")]
    [InlineData(OfficialDocumentType.Other, "Document")]
    public void Each_type_has_a_reader_name(OfficialDocumentType type, string name)
    {
        Assert.Equal(name, OfficialDocumentFacts.TypeName(type));
    }
}
