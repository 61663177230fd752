using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.Options;
using TradeAlertBot.Feeds.Fetching;
using TradeAlertBot.Feeds.Parsing;

namespace TradeAlertBot.Feeds.Tests.Parsing;

/// <summary>
/// One feed document must not exhaust CPU or memory: 100,000 nested elements (700 KB) once took 83 s to load, and
/// a description of 200,000 nested divs (2.2 MB) 208 s to reduce to text. The time bounds below are generous
/// (these finish in well under a second) and only catch a return to super-linear work.
/// </summary>
public class HostileShapeTests
{
    private static readonly TimeSpan Quickly = TimeSpan.FromSeconds(10);

    private readonly FeedParser _parser = new(TimeProvider.System);

    [Fact]
    public void A_document_nested_100000_deep_is_refused_quickly_as_too_deep()
    {
        var feed = new StringBuilder("<rss version=\"2.0\"><channel><item><title>");
        feed.Insert(feed.Length, "<a>", 100_000).Append('x').Insert(feed.Length, "</a>", 100_000).Append("</title></item></channel></rss>");
        var watch = Stopwatch.StartNew();

        var error = Assert.Throws<FeedParseException>(() => Parse(feed.ToString()));

        Assert.Equal(FeedParseErrorKind.TooDeep, error.Kind);
        Assert.Equal("parse: elements nest deeper than 64 levels at line 1, column 223 (limit Feeds:MaxXmlDepth)", error.Message);
        Assert.InRange(watch.Elapsed, TimeSpan.Zero, Quickly);
    }

    [Fact]
    public void A_document_with_more_items_than_the_limit_is_refused()
    {
        var error = Assert.Throws<FeedParseException>(() => Parse(Rss(2_001, "<item><title>t</title></item>")));

        Assert.Equal(FeedParseErrorKind.TooManyItems, error.Kind);
        Assert.Equal("parse: document holds more than 2,000 items (limit Feeds:MaxItemsPerDocument)", error.Message);
    }

    [Fact]
    public void The_limits_come_from_the_feed_settings()
    {
        var parser = new FeedParser(TimeProvider.System, Options.Create(new FeedsOptions { MaxXmlDepth = 8, MaxItemsPerDocument = 3 }));

        Assert.Equal(3, parser.Parse(Encoding.UTF8.GetBytes(Rss(3, "<item><title>t</title></item>")), null).Items.Count);
        Assert.Equal(FeedParseErrorKind.TooManyItems, Assert.Throws<FeedParseException>(() => parser.Parse(Encoding.UTF8.GetBytes(Rss(4, "<item/>")), null)).Kind);
        Assert.Equal(FeedParseErrorKind.TooDeep, Assert.Throws<FeedParseException>(() => parser.Parse(Encoding.UTF8.GetBytes(Rss(1, "<item><a><b><c><d><e><f/></e></d></c></b></a></item>")), null)).Kind);
    }

    [Fact]
    public void A_description_of_200000_nested_divs_costs_bounded_time()
    {
        var html = new StringBuilder().Insert(0, "<div>", 200_000).Append("dumped duty").Insert(0, "Steel ").ToString();
        var watch = Stopwatch.StartNew();

        var item = Assert.Single(Parse(Rss(1, $"<item><title>t</title><description><![CDATA[{html}]]></description></item>")).Items);

        Assert.InRange(watch.Elapsed, TimeSpan.Zero, Quickly);
        Assert.StartsWith("Steel", item.Body, StringComparison.Ordinal);
        Assert.DoesNotContain('<', item.Body);
    }

    [Fact]
    public void A_cancelled_parse_stops()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() =>
            _parser.Parse(Encoding.UTF8.GetBytes(Rss(2_000, "<item><title>t</title></item>")), null, null, cancelled.Token));
    }

    private ParsedFeed Parse(string text) => _parser.Parse(Encoding.UTF8.GetBytes(text), null);

    private static string Rss(int count, string item) =>
        $"<rss version=\"2.0\"><channel><title>Trade</title>{string.Concat(Enumerable.Repeat(item, count))}</channel></rss>";
}
