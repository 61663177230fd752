using TradeAlertBot.Core.Commands;

namespace TradeAlertBot.Core.Tests.Commands;

public sealed class CommandParserTests
{
    [Theory]
    [InlineData("", "help")]
    [InlineData("   ", "help")]
    [InlineData("LATEST new-tariffs VN", "latest")]
    [InlineData("rules", "rules")]
    [InlineData("rule add steel tariff* AND steel", "rule add")]
    [InlineData("Rule Test tariff*", "rule test")]
    [InlineData("feed remove 12", "feed remove")]
    public void Finds_the_command_longest_name_first(string text, string expected) =>
        Assert.Equal(expected, Assert.IsType<Command>(CommandParser.Parse(text)).Spec.Name);

    [Fact]
    public void Keeps_the_rest_of_the_line_as_typed()
    {
        var command = Assert.IsType<Command>(CommandParser.Parse("  rule   add steel  \"steel tariff\"  AND (VN OR  MX)"));

        Assert.Equal("steel  \"steel tariff\"  AND (VN OR  MX)", command.Rest);
        Assert.Equal("steel", command.Args[0]);
    }

    [Theory]
    [InlineData("subscibe new-tariffs", "subscribe")]
    [InlineData("lastest", "latest")]
    [InlineData("rule ad x y", "rule add")]
    [InlineData("feeds add http://x", "feed add")]
    public void Suggests_the_closest_command_for_a_typo(string text, string expected)
    {
        var unknown = Assert.IsType<ParsedCommand.Unknown>(CommandParser.Parse(text));

        Assert.Equal(expected, unknown.Suggestion?.Name);
    }

    [Fact]
    public void Suggests_nothing_for_unrelated_words() =>
        Assert.Null(Assert.IsType<ParsedCommand.Unknown>(CommandParser.Parse("xyzzy plugh")).Suggestion);

    [Fact]
    public void Marks_admin_and_slow_commands()
    {
        Assert.True(CommandParser.Find("rule add")!.AdminOnly);
        Assert.False(CommandParser.Find("subscribe")!.AdminOnly);
        Assert.True(CommandParser.Find("search")!.Slow);
        Assert.True(CommandParser.Find("rule test")!.Slow);
    }

    [Theory]
    [InlineData("<@U012AB3CD|maria>", "U012AB3CD")]
    [InlineData("<@W0123ABC>", "W0123ABC")]
    [InlineData("U012AB3CD", "U012AB3CD")]
    [InlineData("@maria", null)]
    [InlineData("<#C123|general>", null)]
    public void Reads_user_mentions(string text, string? expected) => Assert.Equal(expected, ChatMentions.UserId(text));

    [Fact]
    public void Reads_channel_mentions() => Assert.Equal("C123ABC", ChatMentions.ChannelId("<#C123ABC|general>"));
}
