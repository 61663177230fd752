using System.Net;
using TradeAlertBot.Core.Alerts;
using TradeAlertBot.Teams.Connector;
using TradeAlertBot.TestFakes;

namespace TradeAlertBot.Teams.Tests;

/// <summary>The webhook sender against the fake Workflows endpoint: its client has no seam to mock, and the wire is the point.</summary>
public sealed class WorkflowsWebhookSenderTests
{
    private static readonly Alert Steel = new(
        42, "US raises tariffs on steel to 50%", "https://news.example/steel", "Example News", DateTimeOffset.UnixEpoch,
        "The tariff applies from June.", [new AlertReason("steel-tariffs", ["steel"])], [], OutletCount: 1);

    private static async Task<(WorkflowsWebhookSender Sender, string Address)> SenderForAsync(TeamsSenderHost host, string url)
    {
        var secrets = host.Secrets;
        var destination = secrets.NewDestination(url, "ops");
        await host.WithDbAsync(async db =>
        {
            db.Destinations.Add(destination);
            await db.SaveChangesAsync();
        });
        return (new WorkflowsWebhookSender(new WorkflowsWebhookClient(new HttpClient()), secrets, host.Scopes), destination.Address);
    }

    [Fact]
    public async Task An_alert_is_posted_to_the_url_kept_encrypted_behind_its_address()
    {
        await using var host = await TeamsSenderHost.StartAsync();
        await using var fake = await FakeBotConnector.StartAsync();
        var (sender, address) = await SenderForAsync(host, fake.WebhookUrl("ops"));

        var id = await sender.SendAsync(address, Steel, CancellationToken.None);

        Assert.Single(fake.WebhookPosts("ops"));
        Assert.Equal("webhook-42", id);
        Assert.DoesNotContain("sig=", address, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_429_asks_the_outbox_to_retry_after_the_webhooks_delay()
    {
        await using var host = await TeamsSenderHost.StartAsync();
        await using var fake = await FakeBotConnector.StartAsync();
        var (sender, address) = await SenderForAsync(host, fake.WebhookUrl("ops"));
        fake.FailNext(HttpStatusCode.TooManyRequests, retryAfter: TimeSpan.FromSeconds(3));

        var error = await Assert.ThrowsAsync<AlertDeliveryException>(() => sender.SendAsync(address, Steel, CancellationToken.None));

        Assert.Equal(DeliveryFailure.RetryLater, error.Failure);
        Assert.Equal(TimeSpan.FromSeconds(3), error.RetryAfter);
    }

    [Theory]
    [InlineData(HttpStatusCode.NotFound)]
    [InlineData(HttpStatusCode.Unauthorized)]
    [InlineData(HttpStatusCode.BadRequest)]
    public async Task A_refusing_webhook_pauses_the_destination_and_says_to_check_the_flow(HttpStatusCode status)
    {
        await using var host = await TeamsSenderHost.StartAsync();
        await using var fake = await FakeBotConnector.StartAsync();
        var (sender, address) = await SenderForAsync(host, fake.WebhookUrl("ops"));
        fake.FailNext(status);

        var error = await Assert.ThrowsAsync<AlertDeliveryException>(() => sender.SendAsync(address, Steel, CancellationToken.None));

        Assert.Equal(DeliveryFailure.DestinationUnavailable, error.Failure);
        Assert.Contains("flow", error.Message, StringComparison.Ordinal);
    }
}
