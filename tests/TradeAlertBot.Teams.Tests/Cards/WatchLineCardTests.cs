using TradeAlertBot.Core.Alerts;
using TradeAlertBot.Teams.Cards;

namespace TradeAlertBot.Teams.Tests.Cards;

public class WatchLineCardTests
{
    private static readonly Alert Plain = new(42, "US duties on solar cells", "https://news.example/a", "Reuters", null,
        "Duties on HTS 8541.43.00 rise.", [new AlertReason("new-tariffs", ["duties"])], [new AlertFact("Products", "HS 8541.43.00")], 1);

    [Fact]
    public void An_alert_touching_the_watch_list_says_so_in_the_cards_first_text_block_and_its_summary()
    {
        var activity = AlertCard.Activity(Plain with { WatchLine = "8541.43 solar cells, from CN" });
        var card = activity["attachments"]![0]!["content"]!.AsObject();

        AdaptiveCardShape.AssertValid(card);
        var first = card["body"]![0]!;
        Assert.Equal("**Your watch list: 8541.43 solar cells, from CN**", first["text"]!.GetValue<string>());
        Assert.Equal("Accent", first["color"]!.GetValue<string>());
        Assert.Equal("US duties on solar cells", card["body"]![1]!["text"]!.GetValue<string>());
        Assert.Equal("Your watch list: 8541.43 solar cells, from CN — New trade alert: US duties on solar cells", activity["summary"]!.GetValue<string>());
    }

    [Fact]
    public void An_alert_touching_no_watch_list_starts_with_its_title()
    {
        var card = AlertCard.Render(Plain);

        Assert.Equal("US duties on solar cells", card["body"]![0]!["text"]!.GetValue<string>());
    }

    [Fact]
    public void Markdown_in_a_label_is_escaped()
    {
        var card = AlertCard.Render(Plain with { WatchLine = "**bold** [x](https://evil.example)" });

        var text = card["body"]![0]!["text"]!.GetValue<string>();
        Assert.DoesNotContain("[x](https://evil.example)", text);
        Assert.StartsWith("**Your watch list: ", text);
    }

    [Fact]
    public void A_digest_line_carries_the_watch_line_of_its_alert()
    {
        var text = DigestCard.Activity([Plain with { WatchLine = "8541 solar" }, Plain with { StoryId = 43 }])["text"]!.GetValue<string>();

        Assert.Equal(1, text.Split("Your watch list:").Length - 1);
        Assert.Contains("— Your watch list: 8541 solar", text);
    }
}
