using TradeAlertBot.Core.Alerts;
using TradeAlertBot.Slack.Blocks;

namespace TradeAlertBot.Slack.Tests.Blocks;

public class WatchLineBlockTests
{
    private static readonly Alert Plain = new(42, "US duties on solar cells", "https://news.example/a", "Example News", null,
        "Duties on HTS 8541.43.00 rise.", [new AlertReason("new-tariffs", ["duties"])], [new AlertFact("Products", "HS 8541.43.00")], 1);

    [Fact]
    public void An_alert_touching_the_watch_list_says_so_in_its_first_block_and_its_notification()
    {
        var message = AlertBlocks.Render(Plain with { WatchLine = "8541.43 solar cells, from CN" }, "C1");

        Assert.Equal("section", message.Blocks![0]!["type"]!.GetValue<string>());
        Assert.Equal(":eyes: *Your watch list: 8541.43 solar cells, from CN*", message.Blocks[0]!["text"]!["text"]!.GetValue<string>());
        Assert.Equal("header", message.Blocks[1]!["type"]!.GetValue<string>());
        Assert.Equal("Your watch list: 8541.43 solar cells, from CN — New trade alert: US duties on solar cells", message.Text);
        Assert.Empty(BlockKitLimits.Violations(message));
    }

    [Fact]
    public void An_alert_touching_no_watch_list_starts_with_its_header()
    {
        var message = AlertBlocks.Render(Plain, "C1");

        Assert.Equal("header", message.Blocks![0]!["type"]!.GetValue<string>());
        Assert.Equal("New trade alert: US duties on solar cells", message.Text);
    }

    [Fact]
    public void Feed_text_in_a_label_cannot_mention_or_format()
    {
        var message = AlertBlocks.Render(Plain with { WatchLine = "<!channel> *cells*\nnext" }, "C1");

        var text = message.Blocks![0]!["text"]!["text"]!.GetValue<string>();
        Assert.DoesNotContain("<!channel>", text);
        Assert.Contains("&lt;!channel&gt;", text);
        Assert.DoesNotContain("\n", text);
    }

    [Fact]
    public void A_digest_line_carries_the_watch_line_of_its_alert()
    {
        var digest = DigestBlocks.Render([Plain with { WatchLine = "8541 solar" }, Plain with { StoryId = 43 }], "C1");

        Assert.Contains("Your watch list: 8541 solar", digest.Blocks![1]!["text"]!["text"]!.GetValue<string>());
        Assert.DoesNotContain("Your watch list", digest.Blocks[2]!["text"]!["text"]!.GetValue<string>());
    }
}
