using TradeAlertBot.Admin.Rules;

namespace TradeAlertBot.Tests.Admin.Rules;

public sealed class HitMarksTests
{
    [Fact]
    public void Hits_are_marked_and_the_text_around_and_inside_them_stays_encoded()
    {
        var html = HitMarks.Mark("<b>Steel</b> & tariffs", [(3, 8), (15, 22)]).ToString();

        Assert.Equal("&lt;b&gt;<mark>Steel</mark>&lt;/b&gt; &amp; <mark>tariffs</mark>", html);
    }

    [Fact]
    public void Overlapping_hits_become_one_mark_and_hits_outside_the_text_are_dropped()
    {
        var html = HitMarks.Mark("steel tariffs", [(6, 13), (0, 5), (2, 4), (-10, -2), (20, 30), (10, 40)]).ToString();

        Assert.Equal("<mark>steel</mark> <mark>tariffs</mark>", html);
    }

    [Fact]
    public void Text_without_hits_is_only_encoded()
    {
        Assert.Equal("a &lt; b", HitMarks.Mark("a < b", []).ToString());
    }
}
