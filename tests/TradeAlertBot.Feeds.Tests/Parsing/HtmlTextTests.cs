using System.Diagnostics;
using System.Text;
using TradeAlertBot.Feeds.Parsing;

namespace TradeAlertBot.Feeds.Tests.Parsing;

public class HtmlTextTests
{
    [Theory]
    [InlineData("plain   text\n with  spaces ", "plain text with spaces")]
    [InlineData("Tariffs &amp; duties", "Tariffs & duties")]
    [InlineData("AT&T raises prices", "AT&T raises prices")]
    [InlineData("&lt;3 &eacute;t&eacute; &#8364;5 &nbsp;x", "<3 été €5 x")]
    [InlineData("<p>One</p><p>Two</p>", "One\n\nTwo")]
    [InlineData("line<br>next<br/><br/>last", "line\nnext\nlast")]
    [InlineData("<ul><li>a</li><li>b</li></ul>", "a\n\nb")]
    [InlineData("<b>bold</b> and <i>italic</i>", "bold and italic")]
    [InlineData("<p>Hello</p><script>alert('x')</script>", "Hello")]
    [InlineData("<style>p{color:red}</style>Styled", "Styled")]
    [InlineData("<img src=x onerror=alert(1)>Caption", "Caption")]
    [InlineData("<iframe src=\"https://evil.invalid/\">inside</iframe>After", "After")]
    [InlineData("<svg onload=alert(1)><text>svg text</text></svg>Kept", "Kept")]
    [InlineData("<object data=x.swf>fallback</object><form><input name=p><p>Body</p></form>", "Body")]
    [InlineData("<a href=\"javascript:alert(1)\">link text</a>", "link text")]
    [InlineData("<SCRIPT>alert(1)</SCRIPT><scr<script>ipt>alert(2)</script>", "ipt>alert(2)")]
    [InlineData("<!-- comment -->Text", "Text")]
    [InlineData("<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>", "a b\n\nc")]
    [InlineData("don\u0092t", "don\u2019t")] // C1 control read as windows-1252 meant it
    [InlineData("x\u0081y\u0007z", "xyz")]
    [InlineData("<p>  </p>", "")]
    public void Html_becomes_plain_text(string html, string expected)
    {
        Assert.Equal(expected, new HtmlText().ToPlainText(html));
    }

    [Fact]
    public void Deeply_nested_markup_does_not_overflow_the_stack()
    {
        var html = new StringBuilder().Insert(0, "<span>", 40_000).Append("deep").ToString();

        Assert.Equal("deep", new HtmlText().ToPlainText(html));
    }

    [Theory]
    [InlineData("nesting within the limit is parsed as HTML", 8, "One\n\nTwo &")]
    [InlineData("nesting over the limit is stripped to its words", 1, "One Two &")]
    public void Markup_nested_deeper_than_the_limit_is_reduced_to_text_without_the_parser(string name, int maxDepth, string expected)
    {
        var text = new HtmlText(1024, maxDepth).ToPlainText("<div><div><p>One</p><script>x()</script><p>Two &amp;</p></div></div>");

        Assert.True(expected == text, $"{name}: {text}");
    }

    [Theory]
    [InlineData("closed paragraphs", "<p>x</p>")]
    [InlineData("unclosed paragraphs", "<p>x")]
    [InlineData("list items and line breaks", "<li>x<br><img src=a>")]
    public void Long_flat_markup_is_still_parsed_as_html(string name, string repeated)
    {
        var html = "<div>" + string.Concat(Enumerable.Repeat(repeated, 1_000)) + "</div>";

        Assert.True(new HtmlText(64 * 1024, 8).ToPlainText(html).Contains('\n', StringComparison.Ordinal), name);
    }

    [Fact]
    public void Only_the_first_characters_of_a_long_fragment_are_read()
    {
        var html = "<b>" + new string('a', 5000) + "</b><p>tail</p>";

        var text = new HtmlText(1024, 64).ToPlainText(html);

        Assert.Equal(new string('a', 1021), text);
    }

    [Fact]
    public void The_large_feed_that_needs_css_sanitising_parses_quickly()
    {
        var parser = new FeedParser(TimeProvider.System);
        var bytes = FixtureDirectory.Read("atom10-large-css-needs-sanitising.xml");

        var watch = Stopwatch.StartNew();
        var feed = parser.Parse(bytes, null);

        Assert.Equal(15, feed.Items.Count);
        Assert.InRange(watch.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(10));
        Assert.DoesNotContain(feed.Items, item => item.Body.Contains('<', StringComparison.Ordinal) && item.Body.Contains("style=", StringComparison.Ordinal));
    }
}
