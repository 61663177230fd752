using TradeAlertBot.Teams.Cards;

namespace TradeAlertBot.Teams.Tests.Cards;

public class TeamsMarkdownTests
{
    [Theory]
    [InlineData("short text is kept", "abc", 5, "abc")]
    [InlineData("cut ends with an ellipsis", "abcdefgh", 5, "abcd…")]
    [InlineData("a pair at the cut is dropped whole", "ab😀cd", 4, "ab…")]
    [InlineData("trailing space before the ellipsis is trimmed", "ab  cdef", 5, "ab…")]
    public void Truncate_cuts_cleanly(string name, string text, int max, string expected)
    {
        _ = name;
        Assert.Equal(expected, TeamsMarkdown.Truncate(text, max));
    }

    [Theory]
    [InlineData("whitespace runs collapse", " a \r\n\t b ", "a b")]
    [InlineData("control characters vanish", "a\u0000b\u0007c", "abc")]
    [InlineData("zero-width space vanishes", "a\u200Bb", "ab")]
    public void OneLine_normalises_whitespace(string name, string text, string expected)
    {
        _ = name;
        Assert.Equal(expected, TeamsMarkdown.OneLine(text));
    }

    [Theory]
    [InlineData("plain words untouched", "Tariffs rise 25% on steel", "Tariffs rise 25% on steel")]
    [InlineData("year-like number without a dot", "2025 budget", "2025 budget")]
    [InlineData("decimal number at start", "3.5% rise", @"3\.5% rise")]
    [InlineData("dash inside text", "US-China", "US-China")]
    [InlineData("pipes and backticks", "a|b`c`", @"a\|b\`c\`")]
    public void Escape_touches_only_markup(string name, string text, string expected)
    {
        _ = name;
        Assert.Equal(expected, TeamsMarkdown.Escape(text));
    }
}
