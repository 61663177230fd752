using TradeAlertBot.Web.Public;

namespace TradeAlertBot.Tests.Web.Public;

public sealed class StoryFilterTests
{
    [Fact]
    public void Search_text_is_trimmed_and_cut_at_the_cap()
    {
        var filter = StoryFilter.From(null, null, "  " + new string('x', 500) + "  ", null);

        Assert.Equal(new string('x', StoryFilter.MaxSearchLength), filter.Search);
    }

    [Theory]
    [InlineData("code", "cn", "CN")]
    [InlineData("not a code", "China", null)]
    [InlineData("digits", "12", null)]
    [InlineData("empty", "", null)]
    public void Only_two_letter_country_codes_filter(string _, string given, string? expected) =>
        Assert.Equal(expected, StoryFilter.From(null, given, null, null).Country);

    [Fact]
    public void Blank_values_and_a_negative_page_mark_mean_no_filter()
    {
        var filter = StoryFilter.From(" ", null, "   ", -3);

        Assert.False(filter.Narrowed);
        Assert.Null(filter.Before);
    }
}
