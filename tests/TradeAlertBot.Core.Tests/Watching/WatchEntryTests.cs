using TradeAlertBot.Core.Extraction;
using TradeAlertBot.Core.Watching;

namespace TradeAlertBot.Core.Tests.Watching;

public class WatchEntryTests
{
    private static ExtractedFacts Facts(string text) => FactExtractor.Extract("", text, new DateOnly(2026, 3, 1));

    [Theory]
    [InlineData("8541", "Duties on cells of HTS 8541.43.00 from China", true)]
    [InlineData("854143", "Duties on cells of HTS 8541.43.00 from China", true)]
    [InlineData("85414300", "Duties on cells of HTS 8541.43.00 from China", true)]
    [InlineData("8541430010", "Duties on cells of HTS 8541.43.00 from China", true)]
    [InlineData("8703", "Duties on cells of HTS 8541.43.00 from China", false)]
    [InlineData("854142", "Duties on cells of HTS 8541.43.00 from China", false)]
    public void A_shorter_code_covers_longer_ones_named_in_the_story(string watched, string text, bool matches)
    {
        var match = new WatchEntry(watched, null, null, null).Match(Facts(text));

        Assert.Equal(matches, match is not null);
    }

    [Fact]
    public void A_story_naming_only_the_chapter_touches_a_watched_subheading_as_a_broader_mention()
    {
        var match = new WatchEntry("854143", null, null, "solar cells").Match(Facts("New tariffs on all goods of Chapter 85 from China."));

        Assert.NotNull(match);
        Assert.Equal("85", match.BroaderCode);
        Assert.Equal("8541.43 solar cells (the story names all of HS chapter 85)", match.Describe());
    }

    [Fact]
    public void A_story_naming_the_watched_code_itself_is_not_marked_broader()
    {
        var match = new WatchEntry("8541", null, null, null).Match(Facts("Goods of heading 8541 and Chapter 85 are covered."));

        Assert.Null(Assert.IsType<WatchMatch>(match).BroaderCode);
    }

    [Theory]
    [InlineData("Tariffs on HTS 8541.43 cells from China", true)]
    [InlineData("Tariffs on HTS 8541.43 cells from Vietnam", false)]
    [InlineData("China retaliates against new duties", false)]
    public void A_country_narrows_the_code(string text, bool matches)
    {
        var match = new WatchEntry("854143", null, "CN", null).Match(Facts(text));

        Assert.Equal(matches, match is not null);
    }

    [Theory]
    [InlineData("China retaliates against new duties", true)]
    [InlineData("Vietnam retaliates against new duties", false)]
    public void A_country_alone_matches_any_story_naming_it(string text, bool matches)
    {
        Assert.Equal(matches, new WatchEntry(null, null, "CN", null).Match(Facts(text)) is not null);
    }

    [Theory]
    [InlineData("New duties on solar cells from China", true)]
    [InlineData("New duties on steel from China", false)]
    public void A_product_matches_the_lexicon_name_in_the_story(string text, bool matches)
    {
        Assert.Equal(matches, new WatchEntry(null, "solar panels", null, null).Match(Facts(text)) is not null);
    }

    [Theory]
    [InlineData("854143", null, "CN", "solar cells", "8541.43 solar cells, from CN")]
    [InlineData(null, "EVs", null, null, "EVs")]
    [InlineData(null, null, "CN", null, "CN")]
    [InlineData("85", "semiconductors", "KR", null, "85 semiconductors, from KR")]
    public void An_entry_reads_as_code_product_label_and_country(string? hs, string? product, string? country, string? label, string shown)
    {
        Assert.Equal(shown, new WatchEntry(hs, product, country, label).Describe());
    }
}
