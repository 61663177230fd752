using TradeAlertBot.Core.Extraction;

namespace TradeAlertBot.Core.Tests.Extraction;

public class HsCodeTests
{
    [Theory]
    [InlineData("8541.43", "854143")]
    [InlineData("8541.43.00", "85414300")]
    [InlineData("8541.43.0010", "8541430010")]
    [InlineData("854143", "854143")]
    [InlineData("85", "85")]
    [InlineData(" 8541 ", "8541")]
    public void Written_codes_normalise_to_digits(string written, string digits)
    {
        Assert.Equal(digits, HsCode.Normalize(written));
    }

    [Theory]
    [InlineData("8")]
    [InlineData("85414")]
    [InlineData("854143001")]
    [InlineData("85414300100")]
    [InlineData("8541-43")]
    [InlineData("00")]
    [InlineData("abc")]
    [InlineData("")]
    public void Malformed_codes_are_refused(string written)
    {
        Assert.Null(HsCode.Normalize(written));
    }

    [Theory]
    [InlineData("85", "85")]
    [InlineData("8541", "8541")]
    [InlineData("854143", "8541.43")]
    [InlineData("85414300", "8541.43.00")]
    [InlineData("8541430010", "8541.43.00.10")]
    public void Digits_are_shown_in_the_dotted_form(string digits, string shown)
    {
        Assert.Equal(shown, HsCode.Format(digits));
    }

    [Theory]
    [InlineData("8541", "85414300", true)]
    [InlineData("854143", "854143", true)]
    [InlineData("854143", "8541", false)]
    [InlineData("8541", "8703", false)]
    public void A_shorter_code_covers_the_longer_codes_it_begins(string broader, string narrower, bool covers)
    {
        Assert.Equal(covers, HsCode.Covers(broader, narrower));
    }
}
