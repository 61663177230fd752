using TradeAlertBot.Core.Evaluation;

namespace TradeAlertBot.Core.Tests.Evaluation;

public class CorpusSplitTests
{
    // Pinned: changing the split function would move tuned-on items into the check part.
    [Theory]
    [InlineData("dev-0001", CorpusPart.Check)]
    [InlineData("dev-0004", CorpusPart.Check)]
    [InlineData("dev-0009", CorpusPart.Tune)]
    public void An_id_always_falls_in_the_same_part(string id, CorpusPart part)
    {
        Assert.Equal(part, CorpusSplit.Of(id));
    }

    [Fact]
    public void About_thirty_percent_of_ids_fall_in_the_check_part()
    {
        var check = Enumerable.Range(0, 10_000).Count(i => CorpusSplit.Of($"item-{i}") == CorpusPart.Check);

        Assert.InRange(check, 2_800, 3_200);
    }
}
