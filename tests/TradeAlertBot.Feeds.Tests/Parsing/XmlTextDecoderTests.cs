using System.Text;
using TradeAlertBot.Feeds.Parsing;

namespace TradeAlertBot.Feeds.Tests.Parsing;

public class XmlTextDecoderTests
{
    private const string Body = "<rss>Caf\u00e9 \u20ac</rss>";

    static XmlTextDecoderTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Theory]
    [InlineData("utf-8", true, null)]
    [InlineData("utf-16", true, null)]
    [InlineData("utf-16BE", true, null)]
    [InlineData("utf-32", true, null)]
    [InlineData("utf-16", false, null)] // no BOM: recognised from "<?" in UTF-16 (XML 1.0 appendix F)
    [InlineData("windows-1252", false, "windows-1252")]
    [InlineData("iso-8859-15", false, "iso-8859-15")]
    public void The_bom_or_declaration_decides_the_encoding(string encodingName, bool withBom, string? declared)
    {
        var encoding = Encoding.GetEncoding(encodingName);
        var declaration = declared is null ? "<?xml version=\"1.0\"?>" : $"<?xml version=\"1.0\" encoding=\"{declared}\"?>";
        var bytes = (withBom ? encoding.GetPreamble() : []).Concat(encoding.GetBytes(declaration + Body)).ToArray();
        var warnings = new List<string>();

        var text = XmlTextDecoder.Decode(bytes, null, warnings);

        Assert.Equal(declaration + Body, text);
        Assert.Empty(warnings);
    }

    [Fact]
    public void The_content_type_charset_wins_over_the_declaration()
    {
        var bytes = Encoding.GetEncoding("windows-1251").GetBytes("<?xml version=\"1.0\" encoding=\"iso-8859-1\"?><rss>Цитата</rss>");

        var text = XmlTextDecoder.Decode(bytes, "windows-1251", []);

        Assert.EndsWith("<rss>Цитата</rss>", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_wrong_utf8_charset_header_falls_back_to_the_declared_encoding()
    {
        var bytes = Encoding.Latin1.GetBytes("<?xml version=\"1.0\" encoding=\"iso-8859-1\"?><rss>Caf\u00e9</rss>");
        var warnings = new List<string>();

        var text = XmlTextDecoder.Decode(bytes, "utf-8", warnings);

        Assert.EndsWith("<rss>Caf\u00e9</rss>", text, StringComparison.Ordinal);
        Assert.Equal(["encoding: bytes are not valid utf-8; decoded as the declared iso-8859-1"], warnings);
    }

    [Theory]
    [InlineData("bogus")]
    [InlineData("\"utf-16\"")]
    public void An_unusable_charset_header_is_ignored_with_a_warning(string charset)
    {
        var warnings = new List<string>();

        var text = XmlTextDecoder.Decode(Encoding.UTF8.GetBytes(Body), charset, warnings);

        Assert.Equal(Body, text);
        Assert.Single(warnings);
    }

    [Fact]
    public void A_declared_utf16_in_ascii_bytes_is_read_as_utf8()
    {
        var warnings = new List<string>();

        var text = XmlTextDecoder.Decode(Encoding.UTF8.GetBytes("<?xml version=\"1.0\" encoding=\"utf-16\"?>" + Body), null, warnings);

        Assert.EndsWith(Body, text, StringComparison.Ordinal);
        Assert.Equal(["encoding: declaration says utf-16 but the bytes are ASCII-compatible; read as UTF-8"], warnings);
    }

    [Fact]
    public void An_unknown_declared_encoding_is_refused()
    {
        var error = Assert.Throws<FeedParseException>(
            () => XmlTextDecoder.Decode(Encoding.ASCII.GetBytes("<?xml version=\"1.0\" encoding=\"bogus\"?><rss/>"), null, []));

        Assert.Equal(FeedParseErrorKind.UnknownEncoding, error.Kind);
        Assert.Equal("parse: unknown encoding 'bogus' in the XML declaration", error.Message);
    }

    [Fact]
    public void Invalid_utf16_after_a_bom_is_refused()
    {
        byte[] bytes = [0xFF, 0xFE, (byte)'<', 0, 0x00, 0xD8]; // a lone high surrogate

        var error = Assert.Throws<FeedParseException>(() => XmlTextDecoder.Decode(bytes, null, []));

        Assert.Equal(FeedParseErrorKind.InvalidEncoding, error.Kind);
    }
}
