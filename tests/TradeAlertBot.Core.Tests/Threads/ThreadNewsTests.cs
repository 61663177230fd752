using TradeAlertBot.Core.Items;
using TradeAlertBot.Core.Threads;

namespace TradeAlertBot.Core.Tests.Threads;

public sealed class ThreadNewsTests
{
    private static readonly OfficialDocument OnInspection = new("2026-23456", OfficialDocumentType.Rule, ["Industry and Security Bureau"],
        new DateOnly(2026, 12, 3), true, null, null, ["15 CFR 744"], ["BIS-2026-0042"], []);

    private static readonly HashSet<string> Known = ["2026-23456"];

    [Fact]
    public void Publication_after_public_inspection_is_news_with_its_dates()
    {
        var (document, news) = ThreadNews.Join(OnInspection, OnInspection with { OnPublicInspection = false, EffectiveOn = new DateOnly(2027, 1, 2) }, Known);

        var message = Assert.Single(news);
        Assert.Equal("published:2026-23456", message.EventKey);
        Assert.Equal("Published in the Federal Register on 3 Dec 2026, effective 2 Jan 2027.", message.Text);
        Assert.False(document.OnPublicInspection);
    }

    [Fact]
    public void A_public_inspection_copy_read_after_the_publication_brings_no_news_and_does_not_undo_it()
    {
        var published = OnInspection with { OnPublicInspection = false };

        var (document, news) = ThreadNews.Join(published, OnInspection, Known);

        Assert.Empty(news);
        Assert.False(document.OnPublicInspection);
    }

    [Fact]
    public void A_correction_is_news_and_moves_the_effective_date()
    {
        var correction = new OfficialDocument("2026-23999", OfficialDocumentType.Rule, [], new DateOnly(2026, 12, 10), false,
            new DateOnly(2027, 1, 9), null, [], [], ["2026-23456"]);

        var (document, news) = ThreadNews.Join(OnInspection with { OnPublicInspection = false }, correction, Known);

        var message = Assert.Single(news);
        Assert.Equal("correction:2026-23999", message.EventKey);
        Assert.Equal("Correction published on 10 Dec 2026 (2026-23999). Effective 9 Jan 2027.", message.Text);
        Assert.Equal("2026-23456", document.DocumentNumber);
        Assert.Equal(new DateOnly(2027, 1, 9), document.EffectiveOn);
    }

    [Fact]
    public void A_document_the_story_already_has_brings_no_news()
    {
        var correction = new OfficialDocument("2026-23999", OfficialDocumentType.Rule, [], null, false, null, null, [], [], ["2026-23456"]);

        Assert.Empty(ThreadNews.Join(OnInspection, correction, new HashSet<string> { "2026-23456", "2026-23999" }).News);
    }

    [Fact]
    public void Keys_name_the_number_the_dockets_and_the_corrected_documents()
    {
        var correction = OnInspection with { DocumentNumber = "2026-23999", DocketIds = ["bis-2026-0042"], RelatedDocumentNumbers = ["2026-23456"] };

        Assert.Equal(["fr:2026-23999", "docket:BIS-2026-0042", "fr:2026-23456"], ActionKeys.Of(correction));
    }
}
