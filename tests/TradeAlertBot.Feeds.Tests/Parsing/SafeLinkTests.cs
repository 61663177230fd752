using System.Xml.Linq;
using TradeAlertBot.Feeds.Parsing;

namespace TradeAlertBot.Feeds.Tests.Parsing;

public class SafeLinkTests
{
    [Theory]
    [InlineData("https://example.com/a?b=1&c=2", null, "https://example.com/a?b=1&c=2")]
    [InlineData("  http://example.com/x  ", null, "http://example.com/x")]
    [InlineData("HTTP://EXAMPLE.COM/X", null, "http://example.com/X")]
    [InlineData("/news/1", "https://example.com/feed.xml", "https://example.com/news/1")]
    [InlineData("entry1", "http://www.example.com/blog/2006-11-05", "http://www.example.com/blog/entry1")] // RFC 3986 5.2.3
    [InlineData("entry1", "http://www.example.com/blog/2006-11-05/", "http://www.example.com/blog/2006-11-05/entry1")]
    [InlineData("/news/1", null, null)]
    [InlineData("javascript:alert(1)", null, null)]
    [InlineData("  JaVaScRiPt:alert(1)", "https://example.com/", null)]
    [InlineData("jav\tascript:alert(2)", "https://example.com/", null)]
    [InlineData("java\nscript:alert(2)", "https://example.com/", null)]
    [InlineData("data:text/html;base64,PHNjcmlwdD4=", null, null)]
    [InlineData("vbscript:msgbox(1)", null, null)]
    [InlineData("file:///etc/passwd", null, null)]
    [InlineData("ftp://example.com/file", null, null)]
    [InlineData("mailto:a@example.com", null, null)]
    [InlineData("//evil.example/x", "https://example.com/", "https://evil.example/x")]
    [InlineData("http:///nohost", null, null)]
    [InlineData("", null, null)]
    public void Only_absolute_http_and_https_links_survive(string raw, string? baseUrl, string? expected)
    {
        Assert.Equal(expected, SafeLink.Resolve(raw, baseUrl is null ? null : new Uri(baseUrl)));
    }

    [Fact]
    public void A_link_longer_than_the_cap_is_dropped()
    {
        Assert.Null(SafeLink.Resolve("https://example.com/" + new string('a', SafeLink.MaxLength), null));
    }

    [Fact]
    public void Xml_base_attributes_nest_over_the_document_url()
    {
        var document = XDocument.Parse("""
            <feed xml:base="http://example.com/parent/"><entry xml:base="child/"><link/></entry></feed>
            """);
        var link = document.Descendants("link").Single();

        Assert.Equal(new Uri("http://example.com/parent/child/"), SafeLink.BaseFor(link, new Uri("https://other.example/feed")));
    }

    [Fact]
    public void A_non_http_xml_base_gives_no_base()
    {
        var document = XDocument.Parse("""<feed xml:base="javascript:alert(1)//"><entry/></feed>""");

        Assert.Null(SafeLink.BaseFor(document.Descendants("entry").Single(), new Uri("https://example.com/feed")));
    }
}
