using TradeAlertBot.Core.Text;

namespace TradeAlertBot.Core.Tests.Text;

public class ShownUrlTests
{
    [Theory]
    [InlineData("user info is removed", "https://bob:hunter2@feeds.example.com/rss", "https://feeds.example.com/rss")]
    [InlineData("query values are replaced", "https://feeds.example.com/rss?apikey=s3cret&lang=en", "https://feeds.example.com/rss?apikey=***&lang=***")]
    [InlineData("a port is kept", "http://127.0.0.1:8080/feed.xml?token=abc", "http://127.0.0.1:8080/feed.xml?token=***")]
    [InlineData("the fragment is dropped", "https://example.com/a#k=v", "https://example.com/a")]
    [InlineData("a plain URL is unchanged", "https://example.com/feed.xml", "https://example.com/feed.xml")]
    [InlineData("a name without value stays", "https://example.com/feed?rss", "https://example.com/feed?rss")]
    [InlineData("not a URL is unchanged", "C123ABC", "C123ABC")]
    public void Redacted_hides_credentials_but_keeps_where_it_points(string name, string url, string shown)
    {
        Assert.True(name.Length > 0);
        Assert.Equal(shown, ShownUrl.Redacted(url));
    }

    [Theory]
    [InlineData("a webhook shows scheme and host only", "https://prod-1.westeurope.logic.azure.com/workflows/abc/triggers/manual/paths/invoke?api-version=2016-06-01&sig=XYZ", "https://prod-1.westeurope.logic.azure.com/…")]
    [InlineData("a channel id is unchanged", "C123ABC", "C123ABC")]
    public void Origin_shows_scheme_and_host_only(string name, string address, string shown)
    {
        Assert.True(name.Length > 0);
        Assert.Equal(shown, ShownUrl.Origin(address));
    }
}
