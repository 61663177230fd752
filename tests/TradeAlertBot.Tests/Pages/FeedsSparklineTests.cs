using TradeAlertBot.Pages.Admin;

namespace TradeAlertBot.Tests.Pages;

public sealed class FeedsSparklineTests
{
    [Fact]
    public void The_chart_is_an_image_whose_name_and_title_are_the_encoded_label()
    {
        var svg = FeedsSparkline.Render([0, 2, 4], "<img src=x onerror=alert(1)> & co").ToString()!;

        Assert.StartsWith("<svg class=\"spark\" role=\"img\" aria-label=\"&lt;img src=x onerror=alert(1)&gt; &amp; co\"", svg);
        Assert.Contains("<title>&lt;img src=x onerror=alert(1)&gt; &amp; co</title>", svg);
        Assert.DoesNotContain("<img", svg);
    }

    [Fact]
    public void The_busiest_day_reaches_the_top_and_an_empty_day_the_bottom()
    {
        var svg = FeedsSparkline.Render([0, 2, 4], "label").ToString()!;

        Assert.Contains("points=\"0,22 60,12 120,2\"", svg);
    }

    [Fact]
    public void The_description_says_the_total_the_busiest_day_and_today()
    {
        Assert.Equal("6 item(s) in 3 days, most 4 a day, 0 today", FeedsSparkline.Describe([2, 4, 0]));
    }
}
