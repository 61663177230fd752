using TradeAlertBot.Core.Extraction;
using TradeAlertBot.Core.Watching;

namespace TradeAlertBot.Core.Tests.Watching;

public class WatchListTests
{
    private static ExtractedFacts Facts(string text) => FactExtractor.Extract("", text, new DateOnly(2026, 3, 1));

    [Fact]
    public void The_line_names_every_touched_entry_full_matches_first()
    {
        var list = new WatchList([
            new WatchEntry("854143", null, null, "solar cells"),
            new WatchEntry("8541", null, "CN", null),
            new WatchEntry("8703", null, null, "cars"),
            new WatchEntry("85414300", null, null, null),
        ]);

        var line = list.Line(Facts("Duties on HTS subheading 8541.43 goods from China"));

        Assert.Equal("8541.43 solar cells; 8541, from CN; 8541.43.00 (the story names all of HS 8541.43)", line);
    }

    [Fact]
    public void A_story_touching_nothing_has_no_line()
    {
        var list = new WatchList([new WatchEntry("8703", null, null, "cars")]);

        Assert.Null(list.Line(Facts("Duties on HTS 8541.43 goods from China")));
    }

    [Fact]
    public void A_long_list_of_matches_is_cut_and_counted()
    {
        var list = new WatchList([.. Enumerable.Range(0, 8).Select(i => new WatchEntry("8541", null, null, $"label {i}"))]);

        var line = list.Line(Facts("Goods of heading 8541"))!;

        Assert.EndsWith("8541 label 4 and 3 more", line);
        Assert.DoesNotContain("label 5", line);
    }
}
