using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TradeAlertBot.IntegrationTests.Fakes;
using TradeAlertBot.Jobs;
using TradeAlertBot.Storage.Entities;
using TradeAlertBot.TestFakes;

namespace TradeAlertBot.IntegrationTests.Specs;

/// <summary>The Slack app end to end: signed commands in, Block Kit alerts out through a fake Slack Web API.</summary>
public sealed class SlackSpecs : IAsyncLifetime
{
    private const string Secret = "test-signing-secret";
    private const string Token = "xoxb-test-token";
    private readonly string _database = TradeAlertBotFactory.NewDatabasePath();
    private readonly string _keys = Path.Combine(Path.GetTempPath(), $"tab-keys-{Guid.NewGuid():n}");
    private FeedServer _feeds = null!;
    private FakeSlackApi _slack = null!;
    private TradeAlertBotFactory _host = null!;
    private SlackCommandSender _send = null!;

    public async Task InitializeAsync()
    {
        _feeds = await FeedServer.StartAsync();
        _slack = await FakeSlackApi.StartAsync(Token);
        _host = new TradeAlertBotFactory(_database, settings: new Dictionary<string, string>
        {
            ["Slack:SigningSecret"] = Secret,
            ["Slack:BotToken"] = Token,
            ["Slack:ApiBaseUrl"] = _slack.BaseUrl.AbsoluteUri,
            ["Slack:Admins"] = "UADMIN",
            ["DataProtection:KeysPath"] = _keys,
        });
        _send = new SlackCommandSender(_host.CreateClient(), Secret);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _slack.DisposeAsync();
        await _feeds.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_database);
        if (Directory.Exists(_keys))
        {
            Directory.Delete(_keys, recursive: true);
        }
    }

    private static async Task<string> ReplyTextAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("text").GetString()!;
    }

    private Task DispatchAsync() => _host.RunJobAsync<DispatchFeedsJob>(job => job.RunAsync(CancellationToken.None));

    private async Task SubscribeAndPollAsync(string channel, params Rss.Item[] items)
    {
        Assert.Contains("Subscribed", await ReplyTextAsync(await _send.CommandAsync("subscribe new-tariffs", channel: channel)));
        _feeds.Serve("/wire.xml", Rss.Feed("Trade Wire", items.Length > 0 ? items : [TradeNews.Tariff]));
        await Scenario.AddFeedAsync(_host, _feeds.Url("/wire.xml"));
        await DispatchAsync();
    }

    [Fact]
    public async Task A_matching_item_becomes_exactly_one_block_kit_message_in_the_subscribed_channel()
    {
        await SubscribeAndPollAsync("C-TARIFFS");
        await _host.WaitForQuietAsync();
        await DispatchAsync(); // a second dispatch must not post again
        await _host.WaitForQuietAsync();

        var message = Assert.Single(_slack.Messages());
        Assert.Equal("C-TARIFFS", message.Channel);
        Assert.Contains(TradeNews.Tariff.Title, message.Text);
        Assert.Contains(message.Blocks!, b => b!["type"]!.GetValue<string>() == "header");
        Assert.All(_slack.CallsTo("chat.postMessage"), c => Assert.Equal(Token, c.Token));
    }

    [Fact]
    public async Task A_later_report_of_the_story_goes_into_the_thread_and_updates_the_alert()
    {
        await SubscribeAndPollAsync("C1");
        await _host.WaitForQuietAsync();
        var original = Assert.Single(_slack.Messages());

        _feeds.Serve("/other.xml", Rss.Feed("Other Outlet", TradeNews.TariffRepublished));
        await Scenario.AddFeedAsync(_host, _feeds.Url("/other.xml"));
        await DispatchAsync();
        await _host.WaitUntilAsync(db => db.Deliveries.AllAsync(d => d.OutletsShown == 2));

        var reply = Assert.Single(_slack.Messages(), m => m.ThreadTs == original.Ts);
        Assert.Contains("2", reply.Text);
        var update = Assert.Single(_slack.CallsTo("chat.update"));
        Assert.Equal(original.Ts, update.Field("ts"));
        Assert.Contains("2 outlets", update.Body.ToJsonString());
    }

    [Fact]
    public async Task A_rate_limited_post_is_rescheduled_and_sent_once()
    {
        _slack.RateLimitNext("chat.postMessage", retryAfterSeconds: 1);
        await SubscribeAndPollAsync("C1");

        await _host.WaitUntilAsync(db => db.Deliveries.AnyAsync(d => d.Destination!.Kind == "slack" && d.State == DeliveryState.Sent));
        Assert.Single(_slack.Messages());
        Assert.Equal(2, _slack.CallsTo("chat.postMessage").Count);
    }

    [Fact]
    public async Task A_channel_the_bot_cannot_post_to_is_paused_with_the_reason_and_keeps_its_alerts()
    {
        _slack.FailNext("chat.postMessage", "not_in_channel", times: 10);
        await SubscribeAndPollAsync("C-LOCKED");
        await _host.WaitUntilAsync(db => db.Destinations.AnyAsync(d => d.Address == "C-LOCKED" && d.Paused));

        Assert.Empty(_slack.Messages());
        var delivery = await _host.WithDbAsync(db => db.Deliveries.SingleAsync(d => d.Destination!.Address == "C-LOCKED"));
        Assert.Equal(DeliveryState.Pending, delivery.State);
        var status = await ReplyTextAsync(await _send.CommandAsync("subscriptions", channel: "C-LOCKED"));
        Assert.Contains("paused", status);
        Assert.Contains("not_in_channel", status);
    }

    [Fact]
    public async Task A_forged_or_stale_command_gets_401_and_changes_nothing()
    {
        var body = SlackCommandSender.Form(new() { ["channel_id"] = "C1", ["user_id"] = "UADMIN", ["text"] = "rule add evil tariff" });

        var forged = await _send.PostAsync("/slack/commands", body, "application/x-www-form-urlencoded", signature: "v0=" + new string('0', 64));
        var stale = await _send.PostAsync("/slack/commands", body, "application/x-www-form-urlencoded", at: DateTimeOffset.UtcNow.AddMinutes(-6));

        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, stale.StatusCode);
        Assert.False(await _host.WithDbAsync(db => db.Rules.AnyAsync(r => r.Name == "evil")));
    }

    [Fact]
    public async Task An_oversized_request_gets_413()
    {
        var response = await _send.PostAsync("/slack/commands", "text=" + new string('a', 300 * 1024), "application/x-www-form-urlencoded");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Admin_commands_are_refused_to_others_and_work_for_admins()
    {
        var refused = await ReplyTextAsync(await _send.CommandAsync("rule add steel-watch tariff* AND steel", user: "UUSER"));
        var added = await ReplyTextAsync(await _send.CommandAsync("rule add steel-watch tariff* AND steel", user: "UADMIN"));
        var broken = await ReplyTextAsync(await _send.CommandAsync("rule add bad-rule (tariff AND", user: "UADMIN"));

        Assert.Contains("admins only", refused);
        Assert.Contains("Added rule `steel-watch`", added);
        Assert.Contains("syntax error", broken);
        Assert.Equal("tariff* AND steel", await _host.WithDbAsync(db => db.Rules.Where(r => r.Name == "steel-watch").Select(r => r.Query).SingleAsync()));
        Assert.False(await _host.WithDbAsync(db => db.Rules.AnyAsync(r => r.Name == "bad-rule")));
    }

    [Fact]
    public async Task An_unknown_command_suggests_the_closest_one()
    {
        var reply = await ReplyTextAsync(await _send.CommandAsync("subscibe new-tariffs"));

        Assert.Contains("Did you mean `subscribe`", reply);
    }

    [Fact]
    public async Task A_slow_search_is_acknowledged_at_once_and_answered_through_the_response_url()
    {
        await SubscribeAndPollAsync("C1");
        await _host.WaitForQuietAsync();

        var ack = await ReplyTextAsync(await _send.CommandAsync("search tariff*", responseUrl: _slack.ResponseUrl("r1").AbsoluteUri));

        Assert.Contains("Working on it", ack);
        await _host.WaitUntilAsync(_ => Task.FromResult(_slack.Calls.Any(c => c.Method == "response/r1")));
        Assert.Contains(TradeNews.Tariff.Title, _slack.Calls.First(c => c.Method == "response/r1").Body.ToJsonString());
    }

    [Fact]
    public async Task The_events_url_answers_slacks_challenge()
    {
        var response = await _send.PostAsync("/slack/events", """{"type":"url_verification","challenge":"abc123"}""", "application/json");

        Assert.Equal("abc123", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_digest_channel_gets_its_alerts_together_once_at_digest_time()
    {
        var set = await ReplyTextAsync(await _send.CommandAsync("digest daily 09:00 Europe/Berlin", channel: "C-DIGEST"));
        Assert.Contains("Digest daily 09:00 Europe/Berlin", set);
        Assert.Contains("Subscribed", await ReplyTextAsync(await _send.CommandAsync("subscribe export-controls", channel: "C-DIGEST")));
        await SubscribeAndPollAsync("C-DIGEST", TradeNews.Tariff, TradeNews.ExportControl);
        await _host.WaitUntilAsync(db => db.Deliveries.CountAsync(d => d.Destination!.Address == "C-DIGEST" && d.State == DeliveryState.Pending && d.Attempts > 0).ContinueWith(t => t.Result == 2));
        Assert.Empty(_slack.Messages());

        // Digest time comes.
        await _host.WithDbAsync(db => db.Destinations.Where(d => d.Address == "C-DIGEST")
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.NextDigestAt, DateTimeOffset.UtcNow.AddMinutes(-1))));
        await _host.RunJobAsync<DigestJob>(job => job.RunAsync(CancellationToken.None));
        await _host.RunJobAsync<DigestJob>(job => job.RunAsync(CancellationToken.None));

        var digest = Assert.Single(_slack.Messages());
        Assert.Contains("digest: 2 new", digest.Text);
        Assert.Contains(TradeNews.Tariff.Title, digest.Body.ToJsonString());
        Assert.Contains(TradeNews.ExportControl.Title, digest.Body.ToJsonString());
        Assert.True(await _host.WithDbAsync(db => db.Deliveries.Where(d => d.Destination!.Address == "C-DIGEST").AllAsync(d => d.State == DeliveryState.Sent)));
        var next = await _host.WithDbAsync(db => db.Destinations.Where(d => d.Address == "C-DIGEST").Select(d => d.NextDigestAt).SingleAsync());
        Assert.True(next > DateTimeOffset.UtcNow, "the next digest is scheduled");
    }
}
