using TradeAlertBot.Core.Alerts;
using TradeAlertBot.Teams.Cards;

namespace TradeAlertBot.Teams.Tests.Cards;

public sealed class DigestCardTests
{
    private static Alert Story(int id, string? link = "https://news.example/a") =>
        new(id, $"Story {id}", link, "Example News", null, "", [new AlertReason("steel-tariffs", ["steel"])], [], 1);

    private static string Text(IReadOnlyList<Alert> alerts) => DigestCard.Activity(alerts)["text"]!.GetValue<string>();

    [Fact]
    public void Each_alert_is_a_linked_title_with_the_rules_it_matched()
    {
        var text = Text([Story(1), Story(2, link: null)]);

        Assert.StartsWith("**Trade alert digest: 2 new**", text, StringComparison.Ordinal);
        Assert.Contains("- [Story 1](https://news.example/a) — steel-tariffs", text, StringComparison.Ordinal);
        Assert.Contains("- Story 2 — steel-tariffs", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Past_the_listed_maximum_the_rest_are_counted()
    {
        var text = Text([.. Enumerable.Range(1, DigestCard.MaxListed + 3).Select(i => Story(i))]);

        Assert.Contains($"Story {DigestCard.MaxListed}]", text, StringComparison.Ordinal);
        Assert.DoesNotContain($"Story {DigestCard.MaxListed + 1}]", text, StringComparison.Ordinal);
        Assert.Contains("…and 3 more", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_digest_is_a_markdown_message() =>
        Assert.Equal("markdown", DigestCard.Activity([Story(1)])["textFormat"]!.GetValue<string>());
}
