using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Moq;
using TradeAlertBot.Core.Alerts;
using TradeAlertBot.Teams.Connector;
using static TradeAlertBot.Teams.Tests.TeamsSenderHost;

namespace TradeAlertBot.Teams.Tests;

public sealed class TeamsAlertSenderTests
{
    private static readonly Alert Steel = new(
        42, "US raises tariffs on steel to 50%", "https://news.example/steel", "Example News", DateTimeOffset.UnixEpoch,
        "The tariff applies from June.", [new AlertReason("steel-tariffs", ["steel"])], [], OutletCount: 1);

    private readonly Mock<IBotConnector> _connector = new(MockBehavior.Strict);

    private void SendFails(TeamsApiException error) =>
        _connector.Setup(c => c.SendToConversationAsync(ServiceUrl, Conversation, It.IsAny<JsonObject>(), It.IsAny<CancellationToken>())).ThrowsAsync(error);

    private static TeamsApiException Error(TeamsErrorKind kind, HttpStatusCode status, string code = "Error", TimeSpan? retryAfter = null) =>
        new("send", code, kind, status, retryAfter);

    private async Task<AlertDeliveryException> SendRefusedAsync(TeamsSenderHost host) =>
        await Assert.ThrowsAsync<AlertDeliveryException>(() => new TeamsAlertSender(host.Scopes, _connector.Object).SendAsync(Conversation, Steel, CancellationToken.None));

    [Fact]
    public async Task An_alert_is_sent_to_the_service_url_stored_with_the_conversation()
    {
        await using var host = await StartAsync();
        _connector.Setup(c => c.SendToConversationAsync(ServiceUrl, Conversation, It.IsAny<JsonObject>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync("1:activity");

        var id = await new TeamsAlertSender(host.Scopes, _connector.Object).SendAsync(Conversation, Steel, CancellationToken.None);

        Assert.Equal("1:activity", id);
    }

    [Fact]
    public async Task A_thread_reply_is_a_reply_to_the_alerts_activity()
    {
        await using var host = await StartAsync();
        JsonObject? sent = null;
        _connector.Setup(c => c.ReplyToActivityAsync(ServiceUrl, Conversation, "1:alert", It.IsAny<JsonObject>(), It.IsAny<CancellationToken>()))
            .Callback((string _, string _, string _, JsonObject activity, CancellationToken _) => sent = activity)
            .ReturnsAsync("1:reply");

        var id = await new TeamsAlertSender(host.Scopes, _connector.Object).ReplyAsync(Conversation, "1:alert", "Published in the Federal Register on 3 Dec 2026.", CancellationToken.None);

        Assert.Equal("1:reply", id);
        Assert.Equal("message", sent!["type"]!.GetValue<string>());
        Assert.Contains("Published in the Federal Register on 3 Dec 2026", sent["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_429_asks_the_outbox_to_retry_after_the_connectors_delay()
    {
        await using var host = await StartAsync();
        SendFails(Error(TeamsErrorKind.RateLimited, HttpStatusCode.TooManyRequests, retryAfter: TimeSpan.FromSeconds(7)));

        var error = await SendRefusedAsync(host);

        Assert.Equal(DeliveryFailure.RetryLater, error.Failure);
        Assert.Equal(TimeSpan.FromSeconds(7), error.RetryAfter);
    }

    [Theory]
    [InlineData(HttpStatusCode.Forbidden)]
    [InlineData(HttpStatusCode.NotFound)]
    public async Task A_removed_bot_pauses_the_destination(HttpStatusCode status)
    {
        await using var host = await StartAsync();
        SendFails(Error(TeamsErrorKind.BotRemoved, status, "BotNotInConversationRoster"));

        var error = await SendRefusedAsync(host);

        Assert.Equal(DeliveryFailure.DestinationUnavailable, error.Failure);
        Assert.Contains("BotNotInConversationRoster", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_message_is_rejected_for_the_dead_letters()
    {
        await using var host = await StartAsync();
        SendFails(Error(TeamsErrorKind.BadRequest, HttpStatusCode.RequestEntityTooLarge, "MessageSizeTooBig"));

        var error = await SendRefusedAsync(host);

        Assert.Equal(DeliveryFailure.Rejected, error.Failure);
        Assert.Contains("MessageSizeTooBig", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refused_bot_credentials_mark_the_account_broken_naming_the_setting()
    {
        await using var host = await StartAsync();
        SendFails(Error(TeamsErrorKind.AuthFailed, HttpStatusCode.Unauthorized));

        var error = await SendRefusedAsync(host);

        Assert.Equal(DeliveryFailure.AccountBroken, error.Failure);
        Assert.Contains("Teams:AppId", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_transient_failure_reaches_the_outbox_unchanged_to_be_retried()
    {
        await using var host = await StartAsync();
        var transient = Error(TeamsErrorKind.Transient, HttpStatusCode.BadGateway);
        SendFails(transient);

        var error = await Assert.ThrowsAsync<TeamsApiException>(
            () => new TeamsAlertSender(host.Scopes, _connector.Object).SendAsync(Conversation, Steel, CancellationToken.None));

        Assert.Same(transient, error);
    }

    [Fact]
    public async Task A_conversation_the_bot_was_removed_from_pauses_without_calling_the_connector()
    {
        await using var host = await StartAsync();
        await host.WithDbAsync(db => db.TeamsConversations.ExecuteUpdateAsync(s => s.SetProperty(c => c.RemovedAt, DateTimeOffset.UnixEpoch)));

        var error = await SendRefusedAsync(host);

        Assert.Equal(DeliveryFailure.DestinationUnavailable, error.Failure);
        _connector.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task A_later_report_replies_to_the_card_and_then_updates_it()
    {
        await using var host = await StartAsync();
        var sequence = new MockSequence();
        _connector.InSequence(sequence).Setup(c => c.ReplyToActivityAsync(ServiceUrl, Conversation, "1:card", It.IsAny<JsonObject>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync("1:reply");
        _connector.InSequence(sequence).Setup(c => c.UpdateActivityAsync(ServiceUrl, Conversation, "1:card", It.IsAny<JsonObject>(), It.IsAny<CancellationToken>()))
            .Returns(Task.CompletedTask);

        await new TeamsAlertSender(host.Scopes, _connector.Object).UpdateAsync(Conversation, "1:card", Steel with { OutletCount = 3 }, CancellationToken.None);

        _connector.VerifyAll();
    }
}
