using System.Diagnostics;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;
using TradeAlertBot.Feeds.Parsing;
using TradeAlertBot.Feeds.Tests.Fetching;

namespace TradeAlertBot.Feeds.Tests.Parsing;

public sealed class FeedParserTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly FeedParser _parser = new(new FakeTimeProvider(Now));
    private readonly DirectoryInfo _temp = Directory.CreateTempSubdirectory("feeds-parser-");

    [Fact]
    public void An_external_entity_is_refused_and_the_file_it_names_is_never_read()
    {
        var secret = Path.Combine(_temp.FullName, "secret.txt");
        File.WriteAllText(secret, "TOP-SECRET-CONTENT");
        var feed = $"""
            <?xml version="1.0"?>
            <!DOCTYPE rss [ <!ENTITY xxe SYSTEM "file://{secret}"> ]>
            <rss version="2.0"><channel><title>t</title><item><title>&xxe;</title></item></channel></rss>
            """;

        var error = Assert.Throws<FeedParseException>(() => Parse(feed));

        Assert.Equal(FeedParseErrorKind.ExternalEntity, error.Kind);
        Assert.Equal("parse: document uses the external entity 'xxe' declared in its DTD at line 3, column 59 (refused: XXE)", error.Message);
        Assert.DoesNotContain("TOP-SECRET", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_billion_laughs_fixture_fails_fast_without_expanding_anything()
    {
        var bytes = FixtureDirectory.Read("hostile-billion-laughs.xml");
        var before = GC.GetAllocatedBytesForCurrentThread();
        var watch = Stopwatch.StartNew();

        var error = Assert.Throws<FeedParseException>(() => _parser.Parse(bytes, null));

        Assert.Equal(FeedParseErrorKind.EntityExpansion, error.Kind);
        Assert.StartsWith("parse: document uses the entity 'lol9' declared in its DTD", error.Message, StringComparison.Ordinal);
        Assert.InRange(watch.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(5));
        Assert.InRange(GC.GetAllocatedBytesForCurrentThread() - before, 0, 10 * 1024 * 1024);
    }

    [Fact]
    public async Task A_dtd_or_parameter_entity_pointing_at_a_server_is_never_fetched()
    {
        await using var server = await LocalFeedServer.StartAsync(app => app.MapGet("/{**path}", (HttpContext _) => Results.Text("<!ENTITY leak 'x'>")));
        var feed = $"""
            <?xml version="1.0"?>
            <!DOCTYPE rss SYSTEM "{server.Url("/external.dtd")}" [
              <!ENTITY % remote SYSTEM "{server.Url("/parameter.dtd")}">
              %remote;
            ]>
            <rss version="2.0"><channel><title>t</title><item><title>Probe</title></item></channel></rss>
            """;

        var parsed = Parse(feed);

        Assert.Equal("Probe", Assert.Single(parsed.Items).Title);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public void A_character_reference_to_a_control_character_is_refused()
    {
        var error = Assert.Throws<FeedParseException>(() => Parse("<rss version=\"2.0\"><channel><title>a&#x1;b</title></channel></rss>"));

        Assert.Equal(FeedParseErrorKind.InvalidXml, error.Kind);
    }

    [Theory]
    [InlineData("", FeedParseErrorKind.Empty, "parse: document is empty")]
    [InlineData("  \r\n ", FeedParseErrorKind.Empty, "parse: document is empty")]
    [InlineData("{\"items\":[]}", FeedParseErrorKind.NotAFeed, "parse: document is not XML (it starts with '{', probably JSON or plain text)")]
    [InlineData("<!doctype html><html><body>Just a moment...</body></html>", FeedParseErrorKind.NotAFeed, "parse: document is an HTML page, not a feed (a login, error or bot-check page?)")]
    [InlineData("<opml version=\"2.0\"><body/></opml>", FeedParseErrorKind.NotAFeed, "parse: root element <opml> is not rss, rdf:RDF or feed")]
    [InlineData("<rss version=\"2.0\"><channel><title>cut", FeedParseErrorKind.Truncated, "parse: document ends before it is complete at line 1, column 39 (truncated download?)")]
    public void Documents_that_are_not_feeds_are_refused_with_a_reason(string text, FeedParseErrorKind kind, string message)
    {
        var error = Assert.Throws<FeedParseException>(() => Parse(text));

        Assert.Equal(kind, error.Kind);
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void A_document_over_the_size_cap_is_refused_before_decoding()
    {
        var error = Assert.Throws<FeedParseException>(() => _parser.Parse(new byte[FeedParser.MaxDocumentBytes + 1], null));

        Assert.Equal(FeedParseErrorKind.TooLarge, error.Kind);
        Assert.Equal("parse: document exceeds the 16 MiB cap", error.Message);
    }

    [Fact]
    public void Dates_more_than_a_day_ahead_are_dropped_and_nearer_ones_kept()
    {
        var parsed = Parse(Rss(
            Item("far", pubDate: "Tue, 01 Jan 2999 00:00:00 GMT"),
            Item("tomorrow-ish", pubDate: "Mon, 02 Jun 2025 11:00:00 GMT"),
            Item("two days", pubDate: "Tue, 03 Jun 2025 12:00:00 GMT")));

        Assert.Equal([null, new DateTimeOffset(2025, 6, 2, 11, 0, 0, TimeSpan.Zero), null], parsed.Items.Select(i => i.Published));
    }

    [Fact]
    public void The_javascript_link_fixture_keeps_its_items_but_no_unsafe_link()
    {
        var parsed = _parser.Parse(FixtureDirectory.Read("hostile-javascript-link.xml"), null);

        Assert.Equal(3, parsed.Items.Count);
        Assert.All(parsed.Items, item => Assert.Null(item.Link));
        Assert.Equal("click", parsed.Items[2].Body);
    }

    [Fact]
    public void The_script_fixture_keeps_text_and_drops_all_active_content()
    {
        var parsed = _parser.Parse(FixtureDirectory.Read("hostile-script-in-description.xml"), null);

        Assert.Equal(["Escaped script tag", "CDATA with event handlers and iframe", "Markup in the title"], parsed.Items.Select(i => i.Title));
        Assert.Equal(["Hello", "Body text survives.", "ipt>alert(2)"], parsed.Items.Select(i => i.Body));
    }

    [Fact]
    public void Oversized_fields_are_capped_with_an_ellipsis()
    {
        var parsed = Parse(Rss(Item(new string('T', 5000), description: new string('b', 200_000))));

        var item = Assert.Single(parsed.Items);
        Assert.Equal(FeedParser.MaxTitleLength, item.Title.Length);
        Assert.Equal(FeedParser.MaxBodyLength, item.Body.Length);
        Assert.EndsWith("\u2026", item.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Control_characters_are_removed_from_every_field()
    {
        var parsed = Parse(Rss(Item("Tariff\u0085 news\u0092s", description: "a&#x85;b", author: "Jane\u0080Doe", guid: "id\u0086-1")));

        var item = Assert.Single(parsed.Items);
        Assert.Equal("Tariff\u2026 news\u2019s", item.Title); // U+0085 is windows-1252 for an ellipsis
        Assert.Equal("a\u2026b", item.Body);
        Assert.Equal("Jane\u20acDoe", item.Author);
        Assert.Equal("id\u2020-1", item.Guid);
    }

    [Fact]
    public void The_content_type_charset_decodes_a_feed_without_a_declaration()
    {
        var bytes = FixtureDirectory.Read("malformed-rss20-iso-8859-1-bytes-no-declaration.xml");

        var parsed = _parser.Parse(bytes, "ISO-8859-1");

        Assert.Empty(parsed.Warnings);
        Assert.Equal("Perturbateurs endocriniens : quels effets sur le cerveau ?", parsed.Items[0].Title);
        Assert.Contains(parsed.Items, item => item.Body.Contains("études", StringComparison.Ordinal));
    }

    [Fact]
    public void Relative_links_resolve_against_xml_base_and_the_document_url()
    {
        var parsed = Parse(
            Rss(Item("a", link: "/news/1"), Item("b", link: "news/2")),
            new Uri("https://trade.example/feeds/rss.xml"));

        Assert.Equal(["https://trade.example/news/1", "https://trade.example/feeds/news/2"], parsed.Items.Select(i => i.Link));
    }

    [Fact]
    public void Atom_entries_take_the_updated_date_when_there_is_no_published_one()
    {
        var parsed = _parser.Parse(FixtureDirectory.Read("gov-sec-edgar-latest-filings-atom10-iso-8859-1.xml"), null);

        Assert.Equal(new DateTimeOffset(2014, 6, 4, 21, 58, 48, TimeSpan.FromHours(-4)), parsed.Items[0].Published);
    }

    [Fact]
    public void Items_sharing_a_guid_are_all_kept()
    {
        var parsed = _parser.Parse(FixtureDirectory.Read("rss20-cdata-html.xml"), null);

        Assert.Equal(2, parsed.Items.Count);
        Assert.Equal(parsed.Items[0].Guid, parsed.Items[1].Guid);
        Assert.Equal(TimeSpan.FromMinutes(15), parsed.Ttl);
    }

    [Fact]
    public void Whitespace_before_the_declaration_is_repaired_with_a_warning()
    {
        var parsed = Parse("\n\n<?xml version=\"1.0\"?>" + Rss(Item("ok")));

        Assert.Equal("ok", Assert.Single(parsed.Items).Title);
        Assert.Equal(["xml: removed whitespace before the XML declaration"], parsed.Warnings);
    }

    [Fact]
    public void An_item_without_title_or_link_is_still_an_item()
    {
        var parsed = Parse("<rss version=\"2.0\"><channel><item><description>only text</description></item></channel></rss>");

        var item = Assert.Single(parsed.Items);
        Assert.Equal("", item.Title);
        Assert.Null(item.Link);
        Assert.Null(item.Guid);
        Assert.Equal("only text", item.Body);
    }

    public void Dispose() => _temp.Delete(recursive: true);

    private ParsedFeed Parse(string text, Uri? documentUrl = null) => _parser.Parse(Encoding.UTF8.GetBytes(text), null, documentUrl);

    private static string Rss(params string[] items) =>
        $"<rss version=\"2.0\"><channel><title>Trade</title>{string.Concat(items)}</channel></rss>";

    private static string Item(
        string title,
        string? link = null,
        string? description = null,
        string? pubDate = null,
        string? author = null,
        string? guid = null) =>
        "<item xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
        + $"<title>{title}</title>"
        + (link is null ? "" : $"<link>{link}</link>")
        + (description is null ? "" : $"<description>{description}</description>")
        + (pubDate is null ? "" : $"<pubDate>{pubDate}</pubDate>")
        + (author is null ? "" : $"<dc:creator>{author}</dc:creator>")
        + (guid is null ? "" : $"<guid>{guid}</guid>")
        + "</item>";
}
