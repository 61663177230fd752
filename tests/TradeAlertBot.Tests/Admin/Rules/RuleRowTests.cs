using TradeAlertBot.Admin.Rules;

namespace TradeAlertBot.Tests.Admin.Rules;

public sealed class RuleRowTests
{
    [Fact]
    public void The_preview_leaves_out_comments_and_line_breaks()
    {
        var row = Row("# new-tariffs: duties raised\n(tariff* OR duty)   # the core\nAND NOT \"trade deal\"");

        Assert.Equal("(tariff* OR duty) AND NOT \"trade deal\"", row.Preview);
    }

    [Fact]
    public void A_long_query_is_clipped_in_the_preview()
    {
        var row = Row(string.Join(" OR ", Enumerable.Range(0, 60).Select(i => $"word{i}")));

        Assert.Equal(121, row.Preview.Length);
        Assert.EndsWith("…", row.Preview);
    }

    private static RuleRow Row(string query) => new("new-tariffs", query, true, DateTimeOffset.UnixEpoch, 0, 0);
}
