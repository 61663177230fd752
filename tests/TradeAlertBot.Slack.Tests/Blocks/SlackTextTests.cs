using TradeAlertBot.Slack.Blocks;

namespace TradeAlertBot.Slack.Tests.Blocks;

public class SlackTextTests
{
    [Theory]
    [InlineData("ampersand first", "a & b", "a &amp; b")]
    [InlineData("mention", "<!channel>", "&lt;!channel&gt;")]
    [InlineData("existing entity escaped again", "&lt;", "&amp;lt;")]
    [InlineData("markdown left alone", "*bold* _it_", "*bold* _it_")]
    public void Escape_replaces_only_slacks_three_control_characters(string name, string raw, string expected)
    {
        Assert.True(SlackText.Escape(raw) == expected, name);
    }

    [Theory]
    [InlineData("short enough", "abc", 3, "abc")]
    [InlineData("cut with ellipsis", "abcdef", 4, "abc…")]
    [InlineData("trailing space dropped", "ab  cdef", 5, "ab…")]
    [InlineData("surrogate pair kept whole", "ab😀cd", 4, "ab…")]
    [InlineData("one char budget", "abcdef", 1, "…")]
    public void Truncate_keeps_within_max_and_whole_characters(string name, string text, int max, string expected)
    {
        Assert.True(SlackText.Truncate(text, max) == expected, $"{name}: {SlackText.Truncate(text, max)}");
    }

    [Theory]
    [InlineData("entity would be cut", "ab&amp;cd", 6, "ab…")]
    [InlineData("entity fits", "ab&amp;cd", 8, "ab&amp;…")]
    [InlineData("lt cut", "a&lt;b", 4, "a…")]
    [InlineData("entity at the start", "&amp;&amp;", 4, "…")]
    [InlineData("one char budget", "&amp;&amp;", 1, "…")]
    public void Truncating_escaped_text_never_leaves_half_an_entity(string name, string escaped, int max, string expected)
    {
        Assert.True(SlackText.TruncateEscaped(escaped, max) == expected, $"{name}: {SlackText.TruncateEscaped(escaped, max)}");
    }

    [Fact]
    public void OneLine_collapses_whitespace()
    {
        Assert.Equal("a b c", SlackText.OneLine("  a\n\n b\t c \r\n"));
    }
}
