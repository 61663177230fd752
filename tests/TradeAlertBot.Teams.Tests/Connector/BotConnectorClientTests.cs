using System.Net;
using System.Text.Json.Nodes;
using Moq;
using TradeAlertBot.Teams.Auth;
using TradeAlertBot.Teams.Connector;
using TradeAlertBot.TestFakes;

namespace TradeAlertBot.Teams.Tests.Connector;

public class BotConnectorClientTests
{
    private const string Token = "eyJ.fake.token";
    private const string Conversation = "19:abc@thread.skype;messageid=1";

    private static BotConnectorClient Client(TimeSpan? timeout = null) =>
        new(new HttpClient { Timeout = timeout ?? TimeSpan.FromSeconds(10) }, Tokens(Token).Object);

    private static JsonObject Message(string text) => new() { ["type"] = "message", ["text"] = text };

    private static Mock<ITeamsTokenProvider> Tokens(string token)
    {
        var tokens = new Mock<ITeamsTokenProvider>();
        tokens.Setup(t => t.GetTokenAsync(It.IsAny<CancellationToken>())).ReturnsAsync(token);
        return tokens;
    }

    [Fact]
    public async Task Sending_returns_the_new_activity_id_and_the_connector_keeps_the_activity()
    {
        await using var fake = await FakeBotConnector.StartAsync(Token);

        var id = await Client().SendToConversationAsync(fake.ServiceUrl, Conversation, Message("hello"), CancellationToken.None);

        var stored = Assert.Single(fake.Activities(Conversation));
        Assert.Equal(id, stored.Id);
        Assert.Equal("hello", stored.Activity["text"]!.GetValue<string>());
        Assert.Null(stored.ReplyToId);
    }

    [Fact]
    public async Task The_token_goes_in_the_bearer_header_with_a_json_body()
    {
        await using var fake = await FakeBotConnector.StartAsync(Token);

        await Client().SendToConversationAsync(fake.ServiceUrl, Conversation, Message("hello"), CancellationToken.None);

        var call = Assert.Single(fake.Calls);
        Assert.Equal("POST", call.Method);
        Assert.Equal($"Bearer {Token}", call.Authorization);
        Assert.Equal("application/json; charset=utf-8", call.ContentType);
        Assert.DoesNotContain(Token, call.Body!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_token_is_refused_as_an_auth_failure()
    {
        await using var fake = await FakeBotConnector.StartAsync("another-token");

        var e = await Assert.ThrowsAsync<TeamsApiException>(() =>
            Client().SendToConversationAsync(fake.ServiceUrl, Conversation, Message("hello"), CancellationToken.None));

        Assert.Equal(TeamsErrorKind.AuthFailed, e.Kind);
        Assert.Equal(HttpStatusCode.Unauthorized, e.Status);
        Assert.Equal("fake-correlation", e.CorrelationId);
        Assert.Contains("Unauthorized", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("thread id with colon, at and semicolon", "19:abc@thread.skype;messageid=1", "19%3Aabc%40thread.skype%3Bmessageid%3D1")]
    [InlineData("personal chat id", "a:1xYz-AB_cd", "a%3A1xYz-AB_cd")]
    [InlineData("slash, query and fragment characters", "a/b?c#d e", "a%2Fb%3Fc%23d%20e")]
    public async Task Conversation_ids_are_percent_encoded_as_one_path_segment(string name, string conversationId, string encoded)
    {
        _ = name;
        await using var fake = await FakeBotConnector.StartAsync(Token);

        await Client().SendToConversationAsync(fake.ServiceUrl, conversationId, Message("hi"), CancellationToken.None);

        Assert.Equal($"/teams/v3/conversations/{encoded}/activities", Assert.Single(fake.Calls).RawPath);
        Assert.Single(fake.Activities(conversationId));
    }

    [Fact]
    public async Task A_service_url_without_a_trailing_slash_gives_the_same_path()
    {
        await using var fake = await FakeBotConnector.StartAsync(Token);

        await Client().SendToConversationAsync(fake.ServiceUrl.TrimEnd('/'), "a:1", Message("hi"), CancellationToken.None);

        Assert.Equal("/teams/v3/conversations/a%3A1/activities", Assert.Single(fake.Calls).RawPath);
    }

    [Fact]
    public async Task A_reply_posts_under_the_original_and_carries_reply_to_id()
    {
        await using var fake = await FakeBotConnector.StartAsync(Token);
        var client = Client();
        var original = await client.SendToConversationAsync(fake.ServiceUrl, Conversation, Message("card"), CancellationToken.None);
        var activity = Message("now reported by 3 outlets");

        var replyId = await client.ReplyToActivityAsync(fake.ServiceUrl, Conversation, original, activity, CancellationToken.None);

        var reply = fake.Activities(Conversation)[1];
        Assert.Equal(replyId, reply.Id);
        Assert.NotEqual(original, replyId);
        Assert.Equal(original, reply.ReplyToId);
        Assert.Equal(original, reply.Activity["replyToId"]!.GetValue<string>());
        Assert.EndsWith($"/activities/{Uri.EscapeDataString(original)}", fake.Calls[1].RawPath, StringComparison.Ordinal);
        Assert.Null(activity["replyToId"]);
    }

    [Fact]
    public async Task An_update_replaces_the_activity_in_place()
    {
        await using var fake = await FakeBotConnector.StartAsync(Token);
        var client = Client();
        var id = await client.SendToConversationAsync(fake.ServiceUrl, Conversation, Message("1 outlet"), CancellationToken.None);

        await client.UpdateActivityAsync(fake.ServiceUrl, Conversation, id, Message("2 outlets"), CancellationToken.None);

        var stored = Assert.Single(fake.Activities(Conversation));
        Assert.Equal("2 outlets", stored.Activity["text"]!.GetValue<string>());
        Assert.Equal(id, stored.Activity["id"]!.GetValue<string>());
        Assert.Equal(2, stored.Version);
        Assert.Equal("PUT", fake.Calls[1].Method);
    }

    [Fact]
    public async Task Http_429_is_rate_limited_with_the_retry_after_delay()
    {
        await using var fake = await FakeBotConnector.StartAsync(Token);
        fake.FailNext(HttpStatusCode.TooManyRequests, retryAfter: TimeSpan.FromSeconds(7));

        var e = await Assert.ThrowsAsync<TeamsApiException>(() =>
            Client().SendToConversationAsync(fake.ServiceUrl, Conversation, Message("hi"), CancellationToken.None));

        Assert.Equal(TeamsErrorKind.RateLimited, e.Kind);
        Assert.Equal(TimeSpan.FromSeconds(7), e.RetryAfter);
        Assert.Empty(fake.Activities(Conversation));
    }

    [Fact]
    public async Task Http_429_without_retry_after_leaves_the_backoff_to_the_caller()
    {
        await using var fake = await FakeBotConnector.StartAsync(Token);
        fake.FailNext(HttpStatusCode.TooManyRequests);

        var e = await Assert.ThrowsAsync<TeamsApiException>(() =>
            Client().SendToConversationAsync(fake.ServiceUrl, Conversation, Message("hi"), CancellationToken.None));

        Assert.Equal(TeamsErrorKind.RateLimited, e.Kind);
        Assert.Null(e.RetryAfter);
    }

    [Theory]
    [InlineData("403 bot removed from the team", HttpStatusCode.Forbidden, TeamsErrorKind.BotRemoved)]
    [InlineData("404 conversation gone", HttpStatusCode.NotFound, TeamsErrorKind.BotRemoved)]
    [InlineData("401 token refused", HttpStatusCode.Unauthorized, TeamsErrorKind.AuthFailed)]
    [InlineData("413 message too big", HttpStatusCode.RequestEntityTooLarge, TeamsErrorKind.BadRequest)]
    [InlineData("400 malformed activity", HttpStatusCode.BadRequest, TeamsErrorKind.BadRequest)]
    [InlineData("412 retryable per rate-limit docs", HttpStatusCode.PreconditionFailed, TeamsErrorKind.Transient)]
    [InlineData("500 server error", HttpStatusCode.InternalServerError, TeamsErrorKind.Transient)]
    [InlineData("502 bad gateway", HttpStatusCode.BadGateway, TeamsErrorKind.Transient)]
    public async Task Each_status_maps_to_a_kind(string name, HttpStatusCode status, TeamsErrorKind kind)
    {
        _ = name;
        await using var fake = await FakeBotConnector.StartAsync(Token);
        fake.FailNext(status);

        var e = await Assert.ThrowsAsync<TeamsApiException>(() =>
            Client().SendToConversationAsync(fake.ServiceUrl, Conversation, Message("hi"), CancellationToken.None));

        Assert.Equal(kind, e.Kind);
        Assert.Equal(status, e.Status);
        Assert.Null(e.RetryAfter);
        Assert.StartsWith("teams: send failed: http ", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Faults_apply_to_the_next_calls_only()
    {
        await using var fake = await FakeBotConnector.StartAsync(Token);
        fake.FailNext(HttpStatusCode.InternalServerError, count: 2);
        var client = Client();

        for (var i = 0; i < 2; i++)
        {
            await Assert.ThrowsAsync<TeamsApiException>(() => client.SendToConversationAsync(fake.ServiceUrl, Conversation, Message("hi"), CancellationToken.None));
        }

        await client.SendToConversationAsync(fake.ServiceUrl, Conversation, Message("hi"), CancellationToken.None);
        Assert.Single(fake.Activities(Conversation));
    }

    [Fact]
    public async Task A_timeout_is_transient()
    {
        await using var fake = await FakeBotConnector.StartAsync(Token);
        fake.DelayNext(TimeSpan.FromSeconds(5));

        var e = await Assert.ThrowsAsync<TeamsApiException>(() =>
            Client(TimeSpan.FromMilliseconds(200)).SendToConversationAsync(fake.ServiceUrl, Conversation, Message("hi"), CancellationToken.None));

        Assert.Equal(TeamsErrorKind.Transient, e.Kind);
        Assert.Contains("timed out", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_connection_is_transient()
    {
        string serviceUrl;
        await using (var fake = await FakeBotConnector.StartAsync(Token))
        {
            serviceUrl = fake.ServiceUrl;
        }

        var e = await Assert.ThrowsAsync<TeamsApiException>(() =>
            Client().SendToConversationAsync(serviceUrl, Conversation, Message("hi"), CancellationToken.None));

        Assert.Equal(TeamsErrorKind.Transient, e.Kind);
    }

    [Theory]
    [InlineData("plain http to a remote host", "http://smba.example.com/teams/")]
    [InlineData("relative url", "/teams/")]
    [InlineData("other scheme", "ftp://smba.example.com/")]
    public async Task Tokens_are_never_sent_to_an_unsafe_service_url(string name, string serviceUrl)
    {
        _ = name;
        var tokens = Tokens(Token);
        var client = new BotConnectorClient(new HttpClient(), tokens.Object);

        await Assert.ThrowsAsync<ArgumentException>(() => client.SendToConversationAsync(serviceUrl, Conversation, Message("hi"), CancellationToken.None));

        tokens.Verify(t => t.GetTokenAsync(It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task An_answer_over_the_size_cap_is_cut_off_as_transient()
    {
        var client = new BotConnectorClient(new HttpClient(new HugeAnswer()), Tokens(Token).Object);

        var e = await Assert.ThrowsAsync<TeamsApiException>(
            () => client.SendToConversationAsync("https://smba.example.com/teams/", Conversation, Message("hello"), CancellationToken.None));

        Assert.Equal(TeamsErrorKind.Transient, e.Kind);
        Assert.Contains("exceeds", e.Error);
    }

    private sealed class HugeAnswer : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = new StringContent("{\"id\":\"1\",\"pad\":\"" + new string('x', 2 * 1024 * 1024) + "\"}"),
            });
    }
}
