using System.Text.Json.Nodes;
using TradeAlertBot.Slack.Api;
using TradeAlertBot.TestFakes;

namespace TradeAlertBot.Slack.Tests.Api;

public class SlackApiClientTests
{
    private const string Token = "xoxb-good-token";

    private static SlackApiClient Client(FakeSlackApi fake, TimeSpan? timeout = null) =>
        new(new HttpClient { Timeout = timeout ?? TimeSpan.FromSeconds(10) }, new SlackOptions { ApiBaseUrl = fake.BaseUrl });

    private static SlackMessage Hello(string channel = "C1") =>
        new("hello", new JsonArray { new JsonObject { ["type"] = "section", ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = "hi" } } }, channel);

    [Fact]
    public async Task Posting_returns_the_channel_and_ts_of_the_new_message()
    {
        await using var fake = await FakeSlackApi.StartAsync(Token);
        var client = Client(fake);

        var first = await client.PostMessageAsync(Token, Hello(), CancellationToken.None);
        var second = await client.PostMessageAsync(Token, Hello() with { ThreadTs = first.Ts }, CancellationToken.None);

        Assert.Equal("C1", first.Channel);
        Assert.EndsWith(".000100", first.Ts);
        Assert.True(string.CompareOrdinal(second.Ts, first.Ts) > 0);
        Assert.Equal(first.Ts, fake.Messages("C1")[1].ThreadTs);
    }

    [Fact]
    public async Task A_post_tagged_with_metadata_is_found_again_in_the_channel_history()
    {
        await using var fake = await FakeSlackApi.StartAsync(Token);
        var client = Client(fake);
        var tag = new System.Text.Json.Nodes.JsonObject
        {
            ["event_type"] = "tradealertbot_alert",
            ["event_payload"] = new System.Text.Json.Nodes.JsonObject { ["delivery_id"] = "42" },
        };
        var since = DateTimeOffset.UtcNow.AddMinutes(-1);

        await client.PostMessageAsync(Token, Hello(), CancellationToken.None);
        var tagged = await client.PostMessageAsync(Token, Hello() with { Metadata = tag }, CancellationToken.None);

        var until = DateTimeOffset.UtcNow.AddMinutes(1);

        Assert.Equal(tagged.Ts, await client.FindMessageByMetadataAsync(Token, "C1", "tradealertbot_alert", "delivery_id", "42", since, until, CancellationToken.None));
        Assert.Null(await client.FindMessageByMetadataAsync(Token, "C1", "tradealertbot_alert", "delivery_id", "43", since, until, CancellationToken.None));
        Assert.Null(await client.FindMessageByMetadataAsync(Token, "C1", "tradealertbot_alert", "delivery_id", "42", DateTimeOffset.UtcNow.AddHours(1), DateTimeOffset.UtcNow.AddHours(2), CancellationToken.None));
    }

    private static System.Text.Json.Nodes.JsonObject Tag(string deliveryId) => new()
    {
        ["event_type"] = "tradealertbot_alert",
        ["event_payload"] = new System.Text.Json.Nodes.JsonObject { ["delivery_id"] = deliveryId },
    };

    [Fact]
    public async Task The_history_lookup_asks_for_the_window_only_and_at_most_15_messages()
    {
        await using var fake = await FakeSlackApi.StartAsync(Token);
        var from = DateTimeOffset.FromUnixTimeMilliseconds(1_764_542_400_250);

        await Client(fake).FindMessageByMetadataAsync(Token, "C1", "tradealertbot_alert", "delivery_id", "42", from, from.AddMinutes(3), CancellationToken.None);

        var call = Assert.Single(fake.CallsTo("conversations.history"));
        Assert.Equal("1764542400.250000", call.Field("oldest"));
        Assert.Equal("1764542580.250000", call.Field("latest"));
        Assert.InRange(int.Parse(call.Field("limit")!, System.Globalization.CultureInfo.InvariantCulture), 1, 15);
    }

    [Fact]
    public async Task A_tagged_message_outside_the_window_is_not_found()
    {
        await using var fake = await FakeSlackApi.StartAsync(Token);
        var now = DateTimeOffset.UtcNow;
        fake.AddMessage("C1", now.AddMinutes(-20), "an older install's alert", Tag("42"));
        fake.AddMessage("C1", now.AddMinutes(20), "not yet", Tag("42"));

        Assert.Null(await Client(fake).FindMessageByMetadataAsync(
            Token, "C1", "tradealertbot_alert", "delivery_id", "42", now.AddMinutes(-1), now.AddMinutes(3), CancellationToken.None));
    }

    [Fact]
    public async Task A_tagged_message_behind_15_newer_ones_is_found_on_a_later_page()
    {
        await using var fake = await FakeSlackApi.StartAsync(Token);
        var now = DateTimeOffset.UtcNow;
        var tagged = fake.AddMessage("C1", now.AddSeconds(-30), "the alert", Tag("42"));
        for (var i = 0; i < 20; i++)
        {
            fake.AddMessage("C1", now.AddSeconds(-20), $"chatter {i}");
        }

        var found = await Client(fake).FindMessageByMetadataAsync(
            Token, "C1", "tradealertbot_alert", "delivery_id", "42", now.AddMinutes(-1), now, CancellationToken.None);

        Assert.Equal(tagged, found);
        Assert.Equal(2, fake.CallsTo("conversations.history").Count);
        Assert.Equal("page:15", fake.CallsTo("conversations.history")[1].Field("cursor"));
    }

    [Theory]
    [InlineData("http 429")]
    [InlineData("ratelimited error")]
    public async Task A_rate_limited_later_page_throws_instead_of_answering_not_found(string how)
    {
        await using var fake = await FakeSlackApi.StartAsync(Token);
        var now = DateTimeOffset.UtcNow;
        fake.AddMessage("C1", now.AddSeconds(-30), "the alert", Tag("42"));
        for (var i = 0; i < 20; i++)
        {
            fake.AddMessage("C1", now.AddSeconds(-20), $"chatter {i}");
        }

        var client = Client(fake);
        // Page one answers; page two is refused, as Slack allows some apps one history request a minute.
        fake.AnswerThenRateLimit("conversations.history", answered: 1, retryAfterSeconds: 60, asError: how != "http 429");

        var error = await Assert.ThrowsAsync<SlackApiException>(() => client.FindMessageByMetadataAsync(
            Token, "C1", "tradealertbot_alert", "delivery_id", "42", now.AddMinutes(-1), now, CancellationToken.None));

        Assert.Equal(SlackErrorKind.RateLimited, error.Kind);
        Assert.Equal(TimeSpan.FromSeconds(60), error.RetryAfter);
    }

    [Fact]
    public async Task The_token_goes_in_the_bearer_header_and_never_in_the_body()
    {
        await using var fake = await FakeSlackApi.StartAsync(Token);

        await Client(fake).PostMessageAsync(Token, Hello(), CancellationToken.None);

        var call = Assert.Single(fake.CallsTo("chat.postMessage"));
        Assert.Equal(Token, call.Token);
        Assert.Equal("application/json; charset=utf-8", call.ContentType);
        Assert.DoesNotContain(Token, call.Body.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal("C1", call.Field("channel"));
        Assert.Equal("hello", call.Field("text"));
        Assert.Equal("section", call.Body["blocks"]![0]!["type"]!.GetValue<string>());
        Assert.Null(call.Body["thread_ts"]);
    }

    [Fact]
    public async Task The_same_message_can_be_sent_twice()
    {
        await using var fake = await FakeSlackApi.StartAsync(Token);
        var client = Client(fake);
        var message = Hello();

        await client.PostMessageAsync(Token, message, CancellationToken.None);
        await client.PostMessageAsync(Token, message, CancellationToken.None);

        Assert.Equal(2, fake.Messages("C1").Count);
    }

    [Fact]
    public async Task An_update_replaces_the_stored_message()
    {
        await using var fake = await FakeSlackApi.StartAsync(Token);
        var client = Client(fake);
        var posted = await client.PostMessageAsync(Token, Hello(), CancellationToken.None);

        await client.UpdateMessageAsync(Token, posted.Channel, posted.Ts, new SlackMessage("edited"), CancellationToken.None);

        Assert.Equal("edited", Assert.Single(fake.Messages("C1")).Text);
        Assert.Equal(posted.Ts, fake.CallsTo("chat.update")[0].Field("ts"));
    }

    [Fact]
    public async Task A_wrong_token_is_auth_revoked()
    {
        await using var fake = await FakeSlackApi.StartAsync(Token);

        var error = await Assert.ThrowsAsync<SlackApiException>(() => Client(fake).PostMessageAsync("xoxb-wrong", Hello(), CancellationToken.None));

        Assert.Equal(SlackErrorKind.AuthRevoked, error.Kind);
        Assert.Equal("invalid_auth", error.Error);
        Assert.Equal("chat.postMessage", error.Method);
        Assert.DoesNotContain("xoxb-wrong", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_revoked_token_is_auth_revoked()
    {
        await using var fake = await FakeSlackApi.StartAsync(Token);
        fake.RevokeToken(Token);

        var error = await Assert.ThrowsAsync<SlackApiException>(() => Client(fake).PostMessageAsync(Token, Hello(), CancellationToken.None));

        Assert.Equal(SlackErrorKind.AuthRevoked, error.Kind);
        Assert.Equal("token_revoked", error.Error);
    }

    [Fact]
    public async Task Http_429_is_rate_limited_with_the_retry_after_it_gives()
    {
        await using var fake = await FakeSlackApi.StartAsync(Token);
        fake.RateLimitNext("chat.postMessage", retryAfterSeconds: 7);
        var client = Client(fake);

        var error = await Assert.ThrowsAsync<SlackApiException>(() => client.PostMessageAsync(Token, Hello(), CancellationToken.None));
        var retried = await client.PostMessageAsync(Token, Hello(), CancellationToken.None);

        Assert.Equal(SlackErrorKind.RateLimited, error.Kind);
        Assert.Equal(TimeSpan.FromSeconds(7), error.RetryAfter);
        Assert.Equal("C1", retried.Channel);
    }

    [Theory]
    [InlineData("channel_not_found", SlackErrorKind.ChannelUnavailable)]
    [InlineData("not_in_channel", SlackErrorKind.ChannelUnavailable)]
    [InlineData("is_archived", SlackErrorKind.ChannelUnavailable)]
    [InlineData("channel_is_archived", SlackErrorKind.ChannelUnavailable)]
    [InlineData("not_authed", SlackErrorKind.AuthRevoked)]
    [InlineData("account_inactive", SlackErrorKind.AuthRevoked)]
    [InlineData("token_expired", SlackErrorKind.AuthRevoked)]
    [InlineData("rate_limited", SlackErrorKind.RateLimited)]
    [InlineData("invalid_blocks", SlackErrorKind.BadRequest)]
    [InlineData("msg_too_long", SlackErrorKind.BadRequest)]
    [InlineData("missing_scope", SlackErrorKind.BadRequest)]
    public async Task Slack_error_codes_map_to_kinds(string code, SlackErrorKind kind)
    {
        await using var fake = await FakeSlackApi.StartAsync(Token);
        fake.FailNext("chat.postMessage", code);

        var error = await Assert.ThrowsAsync<SlackApiException>(() => Client(fake).PostMessageAsync(Token, Hello(), CancellationToken.None));

        Assert.Equal(kind, error.Kind);
        Assert.Equal(code, error.Error);
    }

    [Fact]
    public async Task A_ratelimited_error_without_retry_after_waits_the_default()
    {
        await using var fake = await FakeSlackApi.StartAsync(Token);
        fake.FailNext("chat.postMessage", "ratelimited");

        var error = await Assert.ThrowsAsync<SlackApiException>(() => Client(fake).PostMessageAsync(Token, Hello(), CancellationToken.None));

        Assert.Equal(SlackErrorKind.RateLimited, error.Kind);
        Assert.Equal(SlackApiClient.DefaultRetryAfter, error.RetryAfter);
    }

    [Fact]
    public async Task Posting_to_an_archived_channel_is_channel_unavailable()
    {
        await using var fake = await FakeSlackApi.StartAsync(Token);
        fake.Channels["C9"] = new FakeSlackChannel(IsArchived: true, IsMember: true);

        var error = await Assert.ThrowsAsync<SlackApiException>(() => Client(fake).PostMessageAsync(Token, Hello("C9"), CancellationToken.None));

        Assert.Equal(SlackErrorKind.ChannelUnavailable, error.Kind);
        Assert.Equal("is_archived", error.Error);
    }

    [Fact]
    public async Task A_slow_response_beyond_the_timeout_is_transient()
    {
        await using var fake = await FakeSlackApi.StartAsync(Token);
        fake.DelayNext("chat.postMessage", TimeSpan.FromSeconds(10));

        var error = await Assert.ThrowsAsync<SlackApiException>(
            () => Client(fake, TimeSpan.FromMilliseconds(300)).PostMessageAsync(Token, Hello(), CancellationToken.None));

        Assert.Equal(SlackErrorKind.Transient, error.Kind);
    }

    [Fact]
    public async Task Cancellation_by_the_caller_is_not_a_slack_error()
    {
        await using var fake = await FakeSlackApi.StartAsync(Token);
        fake.DelayNext("chat.postMessage", TimeSpan.FromSeconds(10));
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Client(fake).PostMessageAsync(Token, Hello(), cts.Token));
    }

    [Theory]
    [InlineData(500)]
    [InlineData(503)]
    public async Task Server_errors_are_transient(int status)
    {
        await using var fake = await FakeSlackApi.StartAsync(Token);
        fake.StatusNext("chat.update", status);

        var error = await Assert.ThrowsAsync<SlackApiException>(
            () => Client(fake).UpdateMessageAsync(Token, "C1", "1.2", new SlackMessage("x"), CancellationToken.None));

        Assert.Equal(SlackErrorKind.Transient, error.Kind);
        Assert.Equal($"http {status}", error.Error);
    }

    [Fact]
    public async Task A_refused_connection_is_transient()
    {
        Uri closed;
        await using (var fake = await FakeSlackApi.StartAsync(Token))
        {
            closed = fake.BaseUrl;
        }

        var client = new SlackApiClient(new HttpClient(), new SlackOptions { ApiBaseUrl = closed });
        var error = await Assert.ThrowsAsync<SlackApiException>(() => client.PostMessageAsync(Token, Hello(), CancellationToken.None));

        Assert.Equal(SlackErrorKind.Transient, error.Kind);
    }

    [Fact]
    public async Task A_reply_to_a_response_url_is_recorded_without_a_token()
    {
        await using var fake = await FakeSlackApi.StartAsync(Token);
        var message = new SlackMessage("only you can see this", ResponseType: "ephemeral");

        await Client(fake).PostToResponseUrlAsync(fake.ResponseUrl("abc"), message, CancellationToken.None);

        var call = Assert.Single(fake.CallsTo("response/abc"));
        Assert.Null(call.Token);
        Assert.Equal("only you can see this", call.Field("text"));
        Assert.Equal("ephemeral", call.Field("response_type"));
        Assert.False(call.Body["replace_original"]!.GetValue<bool>());
    }

    [Fact]
    public async Task An_expired_response_url_is_a_bad_request()
    {
        await using var fake = await FakeSlackApi.StartAsync(Token);
        fake.StatusNext("response", 404);

        var error = await Assert.ThrowsAsync<SlackApiException>(
            () => Client(fake).PostToResponseUrlAsync(fake.ResponseUrl("old"), new SlackMessage("late"), CancellationToken.None));

        Assert.Equal(SlackErrorKind.BadRequest, error.Kind);
    }

    [Fact]
    public async Task An_oauth_code_is_exchanged_for_the_installs_bot_token()
    {
        await using var fake = await FakeSlackApi.StartAsync();
        fake.ClientId = "123.456";
        fake.ClientSecret = "s3cret";
        fake.Install = new SlackInstall("T1", "Acme", "xoxb-acme", "UBOT", "chat:write");
        var client = Client(fake);

        var install = await client.ExchangeOAuthCodeAsync("123.456", "s3cret", "code-1", "https://bot.example/slack/oauth", CancellationToken.None);
        var posted = await client.PostMessageAsync(install.BotToken, Hello(), CancellationToken.None);

        Assert.Equal(new SlackInstall("T1", "Acme", "xoxb-acme", "UBOT", "chat:write"), install);
        var call = Assert.Single(fake.CallsTo("oauth.v2.access"));
        Assert.Equal("code-1", call.Field("code"));
        Assert.Equal("https://bot.example/slack/oauth", call.Field("redirect_uri"));
        Assert.StartsWith("application/x-www-form-urlencoded", call.ContentType, StringComparison.Ordinal);
        Assert.Equal("C1", posted.Channel);
    }

    [Fact]
    public async Task A_wrong_client_secret_is_a_bad_request()
    {
        await using var fake = await FakeSlackApi.StartAsync();

        var error = await Assert.ThrowsAsync<SlackApiException>(
            () => Client(fake).ExchangeOAuthCodeAsync(fake.ClientId, "nope", "code", null, CancellationToken.None));

        Assert.Equal(SlackErrorKind.BadRequest, error.Kind);
        Assert.Equal("bad_client_secret", error.Error);
        Assert.DoesNotContain("nope", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Socket_mode_opens_with_the_app_token()
    {
        await using var fake = await FakeSlackApi.StartAsync("xapp-1");
        fake.SocketModeUrl = new Uri("wss://wss.example/link/?ticket=1");

        var url = await Client(fake).OpenSocketModeConnectionAsync("xapp-1", CancellationToken.None);

        Assert.Equal(new Uri("wss://wss.example/link/?ticket=1"), url);
        Assert.Equal("xapp-1", Assert.Single(fake.CallsTo("apps.connections.open")).Token);
    }

    [Theory]
    [InlineData("another host", "https://evil.example.com/commands/T1/1/abc")]
    [InlineData("a look-alike host", "https://hooks.slack.com.evil.example/commands/T1/1/abc")]
    [InlineData("plain http", "http://hooks.slack.com/commands/T1/1/abc")]
    [InlineData("an internal address", "http://169.254.169.254/latest/meta-data")]
    public async Task A_response_url_off_slacks_hosts_is_refused_without_a_request(string name, string url)
    {
        await using var fake = await FakeSlackApi.StartAsync(Token);

        var e = await Assert.ThrowsAsync<SlackApiException>(
            () => Client(fake).PostToResponseUrlAsync(new Uri(url), new SlackMessage("hi"), CancellationToken.None));

        Assert.True(name.Length > 0);
        Assert.Equal(SlackErrorKind.BadRequest, e.Kind);
        Assert.Empty(fake.Calls);
    }

    [Fact]
    public void Slacks_own_response_urls_are_allowed()
    {
        var client = new SlackApiClient(new HttpClient());

        Assert.True(client.IsSlackResponseUrl(new Uri("https://hooks.slack.com/commands/T1DC2JH3J/397700885554/96rGlfmibIGlgcZRskXaIFfN")));
        Assert.True(client.IsSlackResponseUrl(new Uri("https://hooks.slack.com/actions/T1/2/xyz")));
    }

    [Fact]
    public async Task An_answer_over_the_size_cap_is_cut_off_as_transient()
    {
        using var http = new HttpClient(new HugeAnswer());
        var client = new SlackApiClient(http, new SlackOptions { ApiBaseUrl = new Uri("https://slack.test/api/"), MaxResponseBytes = 4096 });

        var e = await Assert.ThrowsAsync<SlackApiException>(() => client.PostMessageAsync(Token, Hello(), CancellationToken.None));

        Assert.Equal(SlackErrorKind.Transient, e.Kind);
        Assert.Contains("exceeds 4096 bytes", e.Error);
    }

    private sealed class HugeAnswer : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.OK)
            {
                Content = new StringContent("{\"ok\":true,\"pad\":\"" + new string('x', 100_000) + "\"}"),
            });
    }
}
