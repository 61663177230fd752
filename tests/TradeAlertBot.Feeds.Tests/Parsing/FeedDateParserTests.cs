using TradeAlertBot.Feeds.Parsing;

namespace TradeAlertBot.Feeds.Tests.Parsing;

public class FeedDateParserTests
{
    [Theory]
    [InlineData("Mon, 06 Jan 2025 10:00:00 GMT", "2025-01-06T10:00:00+00:00")]
    [InlineData("Fri, 17 Aug 2018 20:09:00 +0100", "2018-08-17T20:09:00+01:00")]
    [InlineData("Mon, 05 Apr 2010 17:32:00 EST", "2010-04-05T17:32:00-05:00")]
    [InlineData("Fri, 28 Mar 2014 00:00:00 EDT", "2014-03-28T00:00:00-04:00")]
    [InlineData("07 Jan 2017 16:12:48 +0300", "2017-01-07T16:12:48+03:00")]
    [InlineData("Sat, 7 Jan 17 9:05 PST", "2017-01-07T09:05:00-08:00")]
    [InlineData("Tuesday, 01 January 2019 12:00:00 UT", "2019-01-01T12:00:00+00:00")]
    [InlineData("Mon, 06 Jan 2025 10:00:00", "2025-01-06T10:00:00+00:00")]
    [InlineData("Mon, 06 Jan 2025 10:00:00 XYZ", "2025-01-06T10:00:00+00:00")] // unknown zone name: -0000 (RFC 2822 4.3)
    [InlineData("2017-01-06T21:57:34-05:00", "2017-01-06T21:57:34-05:00")]
    [InlineData("2000-01-01T01:00:00Z", "2000-01-01T01:00:00+00:00")]
    [InlineData("2014-06-04T21:58:48.123+0530", "2014-06-04T21:58:48.123+05:30")]
    [InlineData("2003-12-13", "2003-12-13T00:00:00+00:00")]
    [InlineData("2003-12-13 18:30", "2003-12-13T18:30:00+00:00")]
    [InlineData("2016-12-31T23:59:60Z", "2017-01-01T00:00:00+00:00")] // leap second
    public void Feed_dates_are_read(string text, string expected)
    {
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), FeedDateParser.Parse(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("yesterday")]
    [InlineData("-0001-11-30T00:00:00Z")]
    [InlineData("0000-01-01T00:00:00Z")]
    [InlineData("2019-02-30T00:00:00Z")]
    [InlineData("2019-13-01")]
    [InlineData("Fri, 11 Mar 2016 01:15:00 +3000")] // offset out of range, from a real podcast feed
    [InlineData("Fri, 31 Dec 9999 23:59:59 -0100")] // past DateTimeOffset.MaxValue in UTC
    [InlineData("Mon, 06 Foo 2025 10:00:00 GMT")]
    [InlineData("Mon, 06 Jan 2025 25:00:00 GMT")]
    public void Unreadable_dates_are_null(string text)
    {
        Assert.Null(FeedDateParser.Parse(text));
    }
}
