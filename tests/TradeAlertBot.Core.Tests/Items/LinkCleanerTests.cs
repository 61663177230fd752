using TradeAlertBot.Core.Items;

namespace TradeAlertBot.Core.Tests.Items;

public class LinkCleanerTests
{
    [Theory]
    [InlineData("https://news.example.com/a?utm_source=rss&utm_medium=feed", "https://news.example.com/a")]
    [InlineData("https://news.example.com/a?id=7&utm_campaign=x&fbclid=abc", "https://news.example.com/a?id=7")]
    [InlineData("https://news.example.com/a?id=7", "https://news.example.com/a?id=7")]
    [InlineData("https://news.example.com/a", "https://news.example.com/a")]
    [InlineData("not a url", "not a url")]
    [InlineData("ftp://files.example.com/a?utm_source=x", "ftp://files.example.com/a?utm_source=x")]
    public void Tracking_parameters_are_removed_and_everything_else_kept(string link, string expected)
    {
        Assert.Equal(expected, LinkCleaner.Clean(link));
    }
}
