using TradeAlertBot.Core.Watching;

namespace TradeAlertBot.Core.Tests.Watching;

public class WatchEntryInputTests
{
    [Fact]
    public void A_typed_entry_is_normalised()
    {
        var input = WatchEntryInput.Parse(" 8541.43 ", "Solar Cells", "cn", "  bifacial modules ");

        Assert.Equal(new WatchEntry("854143", "solar panels", "CN", "bifacial modules"), input.Entry);
        Assert.Null(input.Error);
    }

    [Theory]
    [InlineData("8541.4", null, null, "\"8541.4\" is not an HS code")]
    [InlineData("abc", null, null, "\"abc\" is not an HS code")]
    [InlineData(null, "garden gnomes", null, "\"garden gnomes\" is not a product the bot recognises")]
    [InlineData(null, null, "XX", "\"XX\" is not a country the bot knows")]
    [InlineData(null, null, "CHN", "\"CHN\" is not a country the bot knows")]
    [InlineData(null, null, null, "Give an HS code")]
    [InlineData(" ", "", null, "Give an HS code")]
    public void A_bad_entry_says_what_is_wrong(string? hs, string? product, string? country, string error)
    {
        var input = WatchEntryInput.Parse(hs, product, country, "label");

        Assert.Null(input.Entry);
        Assert.StartsWith(error, input.Error);
    }

    [Fact]
    public void A_label_past_the_limit_is_refused()
    {
        var input = WatchEntryInput.Parse("8541", null, null, new string('x', WatchEntryInput.MaxLabelLength + 1));

        Assert.Equal("The label is longer than 100 characters.", input.Error);
    }
}
