using TradeAlertBot.Core.Text;

namespace TradeAlertBot.Core.Tests.Text;

public sealed class LineDiffTests
{
    [Fact]
    public void A_changed_line_between_kept_lines_is_shown_removed_then_added()
    {
        var diff = LineDiff.Compute("steel\nAND tariff\nNOT sport", "steel\nAND (tariff OR duty)\nNOT sport");

        Assert.Equal(["  steel", "- AND tariff", "+ AND (tariff OR duty)", "  NOT sport"], diff.Select(l => l.ToString()));
    }

    [Theory]
    [InlineData("inserted line", "a\nc", "a\nb\nc", "  a|+ b|  c")]
    [InlineData("deleted line", "a\nb\nc", "a\nc", "  a|- b|  c")]
    [InlineData("from nothing", "", "a\nb", "+ a|+ b")]
    [InlineData("to nothing", "a", "", "- a")]
    [InlineData("windows line endings count as lines", "a\r\nb", "a\nb", "  a|  b")]
    [InlineData("moved line keeps the longest common run", "a\nb\nc\nd", "b\nc\nd\na", "- a|  b|  c|  d|+ a")]
    public void Lines_are_kept_removed_and_added_along_a_longest_common_subsequence(string name, string before, string after, string expected)
    {
        Assert.NotEmpty(name);
        Assert.Equal(expected, string.Join("|", LineDiff.Compute(before, after)));
    }

    [Fact]
    public void Equal_texts_are_all_same()
    {
        var diff = LineDiff.Compute("a\nb", "a\nb");

        Assert.True(LineDiff.AllSame(diff));
        Assert.Equal(2, diff.Count);
    }

    [Fact]
    public void A_huge_rewrite_is_shown_as_removed_then_added_instead_of_building_the_whole_table()
    {
        var before = string.Join('\n', Enumerable.Range(0, 2000).Select(i => $"old {i}"));
        var after = string.Join('\n', Enumerable.Range(0, 2000).Select(i => $"new {i}"));

        var diff = LineDiff.Compute("head\n" + before + "\ntail", "head\n" + after + "\ntail");

        Assert.Equal(4002, diff.Count);
        Assert.Equal(new DiffLine(DiffKind.Same, "head"), diff[0]);
        Assert.All(diff.Skip(1).Take(2000), l => Assert.Equal(DiffKind.Removed, l.Kind));
        Assert.All(diff.Skip(2001).Take(2000), l => Assert.Equal(DiffKind.Added, l.Kind));
        Assert.Equal(new DiffLine(DiffKind.Same, "tail"), diff[^1]);
    }
}
