using System.Net;
using TradeAlertBot.Core.Alerts;
using TradeAlertBot.TestFakes;
using TradeAlertBot.Teams.Cards;
using TradeAlertBot.Teams.Connector;

namespace TradeAlertBot.Teams.Tests.Connector;

public class WorkflowsWebhookClientTests
{
    private static readonly Alert Sample = new(
        42, "US raises tariffs on steel", "https://example.com/a", "Reuters", null, "Duties rise to 50%.",
        [new AlertReason("steel", ["steel", "tariff"])], [new AlertFact("Rate", "50%")], 1);

    private static WorkflowsWebhookClient Client(TimeSpan? timeout = null) => new(new HttpClient { Timeout = timeout ?? TimeSpan.FromSeconds(10) });

    [Fact]
    public async Task The_card_is_posted_as_a_message_attachment_without_a_token()
    {
        await using var fake = await FakeBotConnector.StartAsync();
        var card = AlertCard.Render(Sample);

        await Client().PostCardAsync(fake.WebhookUrl("ops"), card, CancellationToken.None);

        var post = Assert.Single(fake.WebhookPosts("ops"));
        Assert.Equal("message", post.Body!["type"]!.GetValue<string>());
        var attachment = Assert.Single(post.Body["attachments"]!.AsArray())!;
        Assert.Equal(AlertCard.ContentType, attachment["contentType"]!.GetValue<string>());
        Assert.True(attachment.AsObject().ContainsKey("contentUrl"));
        Assert.Null(attachment["contentUrl"]);
        Assert.Equal(card.ToJsonString(), attachment["content"]!.ToJsonString());
        Assert.Null(Assert.Single(fake.Calls).Authorization);
    }

    [Theory]
    [InlineData("429 throttled", HttpStatusCode.TooManyRequests, TeamsErrorKind.RateLimited)]
    [InlineData("404 flow deleted", HttpStatusCode.NotFound, TeamsErrorKind.BotRemoved)]
    [InlineData("400 card refused", HttpStatusCode.BadRequest, TeamsErrorKind.BadRequest)]
    [InlineData("500 flow failed", HttpStatusCode.InternalServerError, TeamsErrorKind.Transient)]
    public async Task Failures_map_to_kinds(string name, HttpStatusCode status, TeamsErrorKind kind)
    {
        _ = name;
        await using var fake = await FakeBotConnector.StartAsync();
        fake.FailNext(status, retryAfter: TimeSpan.FromSeconds(3));

        var e = await Assert.ThrowsAsync<TeamsApiException>(() => Client().PostCardAsync(fake.WebhookUrl("ops"), AlertCard.Render(Sample), CancellationToken.None));

        Assert.Equal(kind, e.Kind);
        Assert.Equal(kind == TeamsErrorKind.RateLimited ? (TimeSpan?)TimeSpan.FromSeconds(3) : null, e.RetryAfter);
        Assert.Empty(fake.WebhookPosts("ops"));
    }

    [Fact]
    public async Task A_body_over_28_kb_is_refused_before_posting()
    {
        await using var fake = await FakeBotConnector.StartAsync();
        var card = AlertCard.Render(Sample);
        card["body"]!.AsArray().Add(new System.Text.Json.Nodes.JsonObject { ["type"] = "TextBlock", ["text"] = new string('x', 30_000) });

        var e = await Assert.ThrowsAsync<TeamsApiException>(() => Client().PostCardAsync(fake.WebhookUrl("ops"), card, CancellationToken.None));

        Assert.Equal(TeamsErrorKind.BadRequest, e.Kind);
        Assert.Empty(fake.Calls);
    }

    [Fact]
    public async Task A_webhook_url_in_clear_text_is_refused()
    {
        await Assert.ThrowsAsync<ArgumentException>(() =>
            Client().PostCardAsync("http://prod-00.westus.logic.azure.com/workflows/x?sig=abc", AlertCard.Render(Sample), CancellationToken.None));
    }
}
