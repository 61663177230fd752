using Microsoft.Extensions.Logging;
using Moq;
using TradeAlertBot.Core.Alerts;
using TradeAlertBot.Slack.Api;
using static TradeAlertBot.Slack.Tests.SlackSenderHost;

namespace TradeAlertBot.Slack.Tests;

public sealed class SlackAlertSenderTests
{
    private static readonly Alert Steel = new(
        42, "US raises tariffs on steel to 50%", "https://news.example/steel", "Example News", DateTimeOffset.UnixEpoch,
        "The tariff applies from June.", [new AlertReason("steel-tariffs", ["steel"])], [], OutletCount: 1);

    private static void PostFails(SlackSenderHost host, SlackApiException error) =>
        host.Slack.Setup(s => s.PostMessageAsync(It.IsAny<string>(), It.IsAny<SlackMessage>(), It.IsAny<CancellationToken>())).ThrowsAsync(error);

    private static SlackApiException Error(string code, SlackErrorKind kind, TimeSpan? retryAfter = null) =>
        new("chat.postMessage", code, kind, retryAfter);

    [Fact]
    public async Task An_alert_is_posted_with_the_workspace_token_to_the_channel_of_its_address()
    {
        await using var host = await StartAsync();
        host.Slack.Setup(s => s.PostMessageAsync(Token, It.Is<SlackMessage>(m => m.Channel == Channel), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new SlackMessageRef(Channel, "1700000000.000100"));

        var ts = await host.Sender.SendAsync(Address, Steel, CancellationToken.None);

        Assert.Equal("1700000000.000100", ts);
    }

    [Fact]
    public async Task A_post_for_a_delivery_carries_its_id_in_the_message_metadata()
    {
        await using var host = await StartAsync();
        SlackMessage? posted = null;
        host.Slack.Setup(s => s.PostMessageAsync(Token, It.IsAny<SlackMessage>(), It.IsAny<CancellationToken>()))
            .Callback((string _, SlackMessage message, CancellationToken _) => posted = message)
            .ReturnsAsync(new SlackMessageRef(Channel, "1.2"));

        await host.Sender.SendAsync(Address, Steel, deliveryId: 7, CancellationToken.None);

        Assert.Equal("tradealertbot_alert", posted!.Metadata!["event_type"]!.GetValue<string>());
        Assert.Equal("7", posted.Metadata["event_payload"]!["delivery_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_thread_reply_is_posted_under_the_alerts_ts_as_escaped_text()
    {
        await using var host = await StartAsync();
        SlackMessage? posted = null;
        host.Slack.Setup(s => s.PostMessageAsync(Token, It.IsAny<SlackMessage>(), It.IsAny<CancellationToken>()))
            .Callback((string _, SlackMessage message, CancellationToken _) => posted = message)
            .ReturnsAsync(new SlackMessageRef(Channel, "1700000001.000200"));

        var ts = await host.Sender.ReplyAsync(Address, "1700000000.000100", "Correction published <@U1> & more.", CancellationToken.None);

        Assert.Equal("1700000001.000200", ts);
        Assert.Equal(Channel, posted!.Channel);
        Assert.Equal("1700000000.000100", posted.ThreadTs);
        Assert.Equal("Correction published &lt;@U1&gt; &amp; more.", posted.Text);
    }

    [Fact]
    public async Task An_edit_updates_the_alert_in_place_and_posts_nothing()
    {
        await using var host = await StartAsync();
        host.Slack.Setup(s => s.UpdateMessageAsync(Token, Channel, "1700000000.000100", It.IsAny<SlackMessage>(), It.IsAny<CancellationToken>()))
            .Returns(Task.CompletedTask);

        await host.Sender.EditAsync(Address, "1700000000.000100", Steel, CancellationToken.None);

        host.Slack.Verify(s => s.UpdateMessageAsync(Token, Channel, "1700000000.000100", It.IsAny<SlackMessage>(), It.IsAny<CancellationToken>()), Times.Once);
        host.Slack.Verify(s => s.PostMessageAsync(It.IsAny<string>(), It.IsAny<SlackMessage>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task A_rate_limit_asks_the_outbox_to_retry_after_slacks_delay()
    {
        await using var host = await StartAsync();
        PostFails(host, Error("ratelimited", SlackErrorKind.RateLimited, TimeSpan.FromSeconds(42)));

        var error = await Assert.ThrowsAsync<AlertDeliveryException>(() => host.Sender.SendAsync(Address, Steel, CancellationToken.None));

        Assert.Equal(DeliveryFailure.RetryLater, error.Failure);
        Assert.Equal(TimeSpan.FromSeconds(42), error.RetryAfter);
    }

    [Theory]
    [InlineData("channel_not_found")]
    [InlineData("not_in_channel")]
    [InlineData("is_archived")]
    public async Task A_channel_the_bot_cannot_post_to_pauses_the_destination_and_says_how_to_fix_it(string code)
    {
        await using var host = await StartAsync();
        PostFails(host, Error(code, SlackErrorKind.ChannelUnavailable));

        var error = await Assert.ThrowsAsync<AlertDeliveryException>(() => host.Sender.SendAsync(Address, Steel, CancellationToken.None));

        Assert.Equal(DeliveryFailure.DestinationUnavailable, error.Failure);
        Assert.Contains(Channel, error.Message, StringComparison.Ordinal);
        Assert.Contains("/invite", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("msg_too_long")]
    [InlineData("invalid_blocks")]
    public async Task A_refused_message_is_rejected_for_the_dead_letters(string code)
    {
        await using var host = await StartAsync();
        PostFails(host, Error(code, SlackErrorKind.BadRequest));

        var error = await Assert.ThrowsAsync<AlertDeliveryException>(() => host.Sender.SendAsync(Address, Steel, CancellationToken.None));

        Assert.Equal(DeliveryFailure.Rejected, error.Failure);
        Assert.Contains(code, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("invalid_auth")]
    [InlineData("token_revoked")]
    public async Task A_refused_token_marks_the_workspace_broken_and_later_alerts_wait_without_calling_slack(string code)
    {
        await using var host = await StartAsync();
        PostFails(host, Error(code, SlackErrorKind.AuthRevoked));

        var first = await Assert.ThrowsAsync<AlertDeliveryException>(() => host.Sender.SendAsync(Address, Steel, CancellationToken.None));
        var second = await Assert.ThrowsAsync<AlertDeliveryException>(() => host.Sender.SendAsync(Address, Steel, CancellationToken.None));

        Assert.Equal(DeliveryFailure.AccountBroken, first.Failure);
        Assert.Equal(DeliveryFailure.AccountBroken, second.Failure);
        Assert.Equal(code, (await host.WorkspaceAsync()).BrokenReason);
        host.Slack.Verify(s => s.PostMessageAsync(It.IsAny<string>(), It.IsAny<SlackMessage>(), It.IsAny<CancellationToken>()), Times.Once);
        Assert.Equal(LogLevel.Error, host.Logger.LatestRecord.Level);
        Assert.Contains(TeamId, host.Logger.LatestRecord.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_transient_failure_reaches_the_outbox_unchanged_to_be_retried()
    {
        await using var host = await StartAsync();
        var transient = Error("internal_error", SlackErrorKind.Transient);
        PostFails(host, transient);

        var error = await Assert.ThrowsAsync<SlackApiException>(() => host.Sender.SendAsync(Address, Steel, CancellationToken.None));

        Assert.Same(transient, error);
    }

    [Fact]
    public async Task A_workspace_that_is_not_installed_waits_without_calling_slack()
    {
        await using var host = await StartAsync();

        var error = await Assert.ThrowsAsync<AlertDeliveryException>(
            () => host.Sender.SendAsync(SlackAddress.Of("T0OTHER", Channel), Steel, CancellationToken.None));

        Assert.Equal(DeliveryFailure.AccountBroken, error.Failure);
        Assert.Contains("T0OTHER", error.Message, StringComparison.Ordinal);
        host.Slack.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task A_configured_bot_token_posts_for_any_address_without_reading_installs()
    {
        await using var host = await StartAsync(new SlackOptions { BotToken = "xoxb-single" });
        host.Slack.Setup(s => s.PostMessageAsync("xoxb-single", It.Is<SlackMessage>(m => m.Channel == "C0LEGACY"), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new SlackMessageRef("C0LEGACY", "1.1"));

        Assert.Equal("1.1", await host.Sender.SendAsync("C0LEGACY", Steel, CancellationToken.None));
    }

    [Fact]
    public async Task A_rate_limited_lookup_is_look_again_later_never_not_posted()
    {
        await using var host = await StartAsync();
        host.Slack.Setup(s => s.FindMessageByMetadataAsync(Token, Channel, "tradealertbot_alert", "delivery_id", "7",
                It.IsAny<DateTimeOffset>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new SlackApiException("conversations.history", "ratelimited", SlackErrorKind.RateLimited, TimeSpan.FromMinutes(1)));

        var error = await Assert.ThrowsAsync<AlertDeliveryException>(
            () => host.Sender.FindSentAsync(Address, 7, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddMinutes(1), CancellationToken.None));

        Assert.Equal(DeliveryFailure.RetryLater, error.Failure);
        Assert.Equal(TimeSpan.FromMinutes(1), error.RetryAfter);
    }

    [Fact]
    public async Task A_later_report_replies_in_the_thread_and_updates_the_original()
    {
        await using var host = await StartAsync();
        var sequence = new MockSequence();
        host.Slack.InSequence(sequence).Setup(s => s.PostMessageAsync(Token, It.Is<SlackMessage>(m => m.ThreadTs == "1.5"), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new SlackMessageRef(Channel, "1.6"));
        host.Slack.InSequence(sequence).Setup(s => s.UpdateMessageAsync(Token, Channel, "1.5", It.IsAny<SlackMessage>(), It.IsAny<CancellationToken>()))
            .Returns(Task.CompletedTask);

        await host.Sender.UpdateAsync(Address, "1.5", Steel with { OutletCount = 3 }, CancellationToken.None);

        host.Slack.VerifyAll();
    }
}
