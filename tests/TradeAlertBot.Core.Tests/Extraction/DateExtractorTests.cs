using TradeAlertBot.Core.Extraction;

namespace TradeAlertBot.Core.Tests.Extraction;

public class DateExtractorTests
{
    private static readonly DateOnly Published = new(2025, 4, 3);

    [Theory]
    [InlineData("effective April 9", "2025-04-09", true)]
    [InlineData("from 1 May 2025", "2025-05-01", true)]
    [InlineData("takes effect on May 1st", "2025-05-01", true)]
    [InlineData("starting June 2", "2025-06-02", true)]
    [InlineData("as of 2025-07-01", "2025-07-01", true)]
    [InlineData("will come into force on 30 October", "2025-10-30", true)]
    [InlineData("officials met on March 28", "2025-03-28", false)]
    [InlineData("signed on April 9, 2024", "2024-04-09", false)]
    public void Dates_resolve_against_the_published_date_and_know_when_they_are_effective(string text, string date, bool effective)
    {
        var fact = Assert.Single(DateExtractor.Extract(text, Published));

        Assert.Equal((DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), effective), (fact.Date, fact.IsEffective));
    }

    [Fact]
    public void A_january_date_in_a_december_item_is_next_year()
    {
        var fact = Assert.Single(DateExtractor.Extract("effective January 5", new DateOnly(2025, 12, 20)));

        Assert.Equal(new DateOnly(2026, 1, 5), fact.Date);
    }

    [Theory]
    [InlineData("May we ask")]
    [InlineData("on February 30")]
    [InlineData("the 2025 budget")]
    public void Words_that_only_look_like_dates_are_ignored(string text)
    {
        Assert.Empty(DateExtractor.Extract(text, Published));
    }
}
