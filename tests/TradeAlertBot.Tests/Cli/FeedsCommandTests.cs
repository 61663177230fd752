using System.Xml.Linq;
using TradeAlertBot.Commands.Shared;

namespace TradeAlertBot.Tests.Cli;

public sealed class FeedsCommandTests : IDisposable
{
    private readonly string _database = Path.Combine(Path.GetTempPath(), $"tab-cli-{Guid.NewGuid():n}.db");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_database);
    }

    [Fact]
    public async Task I_can_add_a_feed_and_see_it_listed()
    {
        var add = await CliRun.InvokeWithDatabaseAsync(_database, "", "feeds", "add", "https://trade.example.com/rss");
        var list = await CliRun.InvokeWithDatabaseAsync(_database, "", "feeds", "list");

        Assert.Equal(0, add.ExitCode);
        Assert.Contains("https://trade.example.com/rss", list.Out);
        Assert.Contains("not polled yet", list.Out);
        Assert.Contains("1 feed(s)", list.Out);
    }

    [Theory]
    [InlineData("ftp://trade.example.com/rss")]
    [InlineData("javascript:alert(1)")]
    [InlineData("not a url")]
    public async Task A_feed_that_is_not_http_is_refused_with_a_reason(string url)
    {
        var add = await CliRun.InvokeWithDatabaseAsync(_database, "", "feeds", "add", url);

        Assert.Equal(2, add.ExitCode);
        Assert.Contains("is not an http(s) URL.", add.Error);
    }

    [Fact]
    public async Task Adding_the_same_feed_twice_keeps_one()
    {
        await CliRun.InvokeWithDatabaseAsync(_database, "", "feeds", "add", "https://trade.example.com/rss");
        var again = await CliRun.InvokeWithDatabaseAsync(_database, "", "feeds", "add", "https://trade.example.com/rss");
        var list = await CliRun.InvokeWithDatabaseAsync(_database, "", "feeds", "list");

        Assert.Equal(0, again.ExitCode);
        Assert.Contains(new FeedAddResult.Duplicate().Message, again.Error);
        Assert.Contains("1 feed(s)", list.Out);
    }

    [Theory]
    [InlineData("loopback", "http://127.0.0.1/feed.xml")]
    [InlineData("cloud metadata", "http://169.254.169.254/latest/meta-data")]
    [InlineData("private network", "http://10.0.0.5/rss")]
    public async Task A_feed_on_a_private_address_is_refused_as_chat_refuses_it(string _, string url)
    {
        var add = await CliRun.InvokeWithDatabaseAsync(_database, "", "feeds", "add", url);
        var list = await CliRun.InvokeWithDatabaseAsync(_database, "", "feeds", "list");

        Assert.Equal(2, add.ExitCode);
        Assert.Contains("That URL is refused: fetch: address", add.Error);
        Assert.Contains("0 feed(s)", list.Out);
    }

    [Fact]
    public async Task An_opml_import_skips_a_private_address()
    {
        const string opml = """<?xml version="1.0"?><opml version="2.0"><body><outline type="rss" text="meta" xmlUrl="http://169.254.169.254/"/></body></opml>""";

        var import = await CliRun.InvokeWithDatabaseAsync(_database, opml, "feeds", "import", "-");

        Assert.Contains("imported 0 of 1 feed(s)", import.Out);
        Assert.Contains("That URL is refused", import.Error);
    }

    [Fact]
    public async Task Opml_import_then_export_round_trips_the_feed_list()
    {
        const string opml = """
            <?xml version="1.0" encoding="utf-8"?>
            <opml version="2.0"><head><title>mine</title></head><body>
              <outline text="Gov">
                <outline type="rss" text="USTR" title="USTR press" xmlUrl="https://ustr.example.gov/rss.xml"/>
                <outline type="rss" text="BIS" xmlUrl="https://bis.example.gov/feed"/>
              </outline>
              <outline type="rss" text="Bad" xmlUrl="file:///etc/passwd"/>
            </body></opml>
            """;

        var import = await CliRun.InvokeWithDatabaseAsync(_database, opml, "feeds", "import", "-");
        var export = await CliRun.InvokeWithDatabaseAsync(_database, "", "feeds", "export");

        Assert.Equal(0, import.ExitCode);
        Assert.Contains("imported 2 of 3 feed(s)", import.Out);
        Assert.Contains("skipped file:///etc/passwd", import.Error);
        var outlines = XDocument.Parse(export.Out).Descendants("outline").ToList();
        Assert.Equal(["https://ustr.example.gov/rss.xml", "https://bis.example.gov/feed"], outlines.Select(o => (string)o.Attribute("xmlUrl")!));
        Assert.Equal("USTR press", (string)outlines[0].Attribute("title")!);

        var reimport = await CliRun.InvokeWithDatabaseAsync(_database, export.Out, "feeds", "import", "-");
        Assert.Contains("imported 0 of 2 feed(s)", reimport.Out);
    }

    [Fact]
    public async Task An_opml_file_with_a_dtd_is_refused()
    {
        const string hostile = """<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY x SYSTEM "file:///etc/passwd">]><opml version="2.0"><body><outline xmlUrl="&x;"/></body></opml>""";

        var import = await CliRun.InvokeWithDatabaseAsync(_database, hostile, "feeds", "import", "-");

        Assert.Equal(2, import.ExitCode);
        Assert.Contains("DTD", import.Error);
    }

    [Fact]
    public async Task The_list_shows_a_feeds_address_without_its_credentials()
    {
        await CliRun.InvokeWithDatabaseAsync(_database, "", "feeds", "add", "https://bob:hunter2@trade.example.com/rss?apikey=s3cret");

        var list = await CliRun.InvokeWithDatabaseAsync(_database, "", "feeds", "list");

        Assert.Contains("https://trade.example.com/rss?apikey=***", list.Out);
        Assert.DoesNotContain("s3cret", list.Out);
        Assert.DoesNotContain("hunter2", list.Out);
    }
}
