using TradeAlertBot.Commands.Shared;
using TradeAlertBot.Core.Commands;
using static TradeAlertBot.Tests.Commands.Handlers.TestCommand;

namespace TradeAlertBot.Tests.Commands.Shared;

public sealed class RuleArgumentsTests
{
    [Theory]
    [InlineData("no reason", "rule edit steel  \"steel tariff\"  AND VN", "\"steel tariff\"  AND VN", null)]
    [InlineData("quoted reason", "rule edit steel steel AND VN --reason \"Vietnam desk asked\"", "steel AND VN", "Vietnam desk asked")]
    [InlineData("typographic quotes", "rule edit steel steel --reason “catch duty too”", "steel", "catch duty too")]
    [InlineData("unquoted reason", "rule edit steel steel --reason fewer false hits", "steel", "fewer false hits")]
    [InlineData("a flag-like word inside the query stays", "rule edit steel steel --reasonable", "steel --reasonable", null)]
    public void The_query_keeps_its_text_and_a_trailing_reason_is_taken_off(string name, string text, string query, string? reason)
    {
        Assert.True(name.Length > 0);
        Assert.Equal(("steel", query, reason), RuleArguments.NameAndQuery(Parse(text)));
    }

    [Fact]
    public void A_reason_flag_without_text_is_a_usage_error()
    {
        var error = Assert.Throws<UsageException>(() => RuleArguments.NameAndQuery(Parse("rule edit steel steel --reason \"\"")));

        Assert.StartsWith("Say why after `--reason`", error.Message);
    }

    [Fact]
    public void Words_before_the_reason_are_split_for_remove_and_revert()
    {
        var (words, reason) = RuleArguments.WordsAndReason(Parse("rule revert steel 2 --reason bad edit"));

        Assert.Equal(["steel", "2"], words);
        Assert.Equal("bad edit", reason);
    }
}
