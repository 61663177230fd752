using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TradeAlertBot.Commands.Shared;
using TradeAlertBot.Commands;
using TradeAlertBot.Deliveries;
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
            ["Slack:Admins"] = "T1:UADMIN",
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
        await _host.WaitUntilAsync(db => db.Destinations.AnyAsync(d => d.Address == "T1/C-LOCKED" && d.Paused));

        Assert.Empty(_slack.Messages());
        var delivery = await _host.WithDbAsync(db => db.Deliveries.SingleAsync(d => d.Destination!.Address == "T1/C-LOCKED"));
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
        await _host.WaitUntilAsync(db => db.Deliveries.CountAsync(d => d.Destination!.Address == "T1/C-DIGEST" && d.HeldFor == "digest").ContinueWith(t => t.Result == 2));
        Assert.Empty(_slack.Messages());

        // Digest time comes.
        await _host.WithDbAsync(db => db.Destinations.Where(d => d.Address == "T1/C-DIGEST")
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.NextDigestAt, DateTimeOffset.UtcNow.AddMinutes(-1))));
        await _host.RunJobAsync<HeldAlertsJob>(job => job.RunAsync(CancellationToken.None));
        await _host.RunJobAsync<HeldAlertsJob>(job => job.RunAsync(CancellationToken.None));

        var digest = Assert.Single(_slack.Messages());
        Assert.Contains("digest: 2 new", digest.Text);
        Assert.Contains(TradeNews.Tariff.Title, digest.Body.ToJsonString());
        Assert.Contains(TradeNews.ExportControl.Title, digest.Body.ToJsonString());
        Assert.True(await _host.WithDbAsync(db => db.Deliveries.Where(d => d.Destination!.Address == "T1/C-DIGEST").AllAsync(d => d.State == DeliveryState.Sent)));
        var next = await _host.WithDbAsync(db => db.Destinations.Where(d => d.Address == "T1/C-DIGEST").Select(d => d.NextDigestAt).SingleAsync());
        Assert.True(next > DateTimeOffset.UtcNow, "the next digest is scheduled");
    }

    [Theory]
    [InlineData("help", "subscribe CATEGORY")]
    [InlineData("categories", "new-tariffs")]
    [InlineData("rules", "export-controls")]
    [InlineData("feeds", "Feeds (1)")]
    [InlineData("latest", "Latest")]
    [InlineData("latest new-tariffs", "Latest new-tariffs")]
    [InlineData("latest new-tariffs ZW", "No alerts yet for that filter")]
    [InlineData("latest mars", "neither a category")]
    [InlineData("subscriptions", "This channel's subscriptions")]
    [InlineData("unsubscribe new-tariffs", "Unsubscribed this channel from `new-tariffs`")]
    [InlineData("unsubscribe sanctions", "has no subscription to `sanctions`")]
    [InlineData("subscribe new-tariffs country:Vietnam", "not a filter")]
    [InlineData("subscribe no-such-rule", "There is no category or rule")]
    [InlineData("mute 2h", "Muted for 2h")]
    [InlineData("mute forever", "not a duration")]
    [InlineData("digest weekly", "Say `digest hourly`")]
    [InlineData("digest hourly", "Digest hourly UTC")]
    [InlineData("subscribe <!channel>", "There is no category or rule `<!channel>`")]
    public async Task Every_command_answers_helpfully(string command, string expected)
    {
        await SubscribeAndPollAsync("C1");
        await _host.WaitForQuietAsync();

        var reply = await ReplyTextAsync(await _send.CommandAsync(command, channel: "C1"));

        Assert.Contains(expected.Replace("<!channel>", "&lt;!channel&gt;"), reply);
        Assert.DoesNotContain("<!channel>", reply);
        Assert.DoesNotContain("Exception", reply);
    }

    [Fact]
    public async Task Admin_commands_manage_feeds_rules_and_admins()
    {
        async Task<string> Admin(string text, string user = "UADMIN") => await ReplyTextAsync(await _send.CommandAsync(text, user: user));

        Assert.Contains("refused", await Admin("feed add http://169.254.169.254/latest/meta-data"));
        Assert.Contains("Added feed", await Admin("feed add https://news.example.org/trade.xml"));
        Assert.Contains(new FeedAddResult.Duplicate().Message, await Admin("feed add https://news.example.org/trade.xml"));
        Assert.Contains("Stopped watching feed", await Admin("feed remove https://news.example.org/trade.xml"));
        Assert.Contains("Added rule", await Admin("rule add steel-watch tariff* AND steel"));
        Assert.Contains("Changed rule", await Admin("rule edit steel-watch tariff* AND (steel OR aluminium)"));
        Assert.Contains("would have matched", await Admin("rule test tariff*"));
        Assert.Contains("Removed rule", await Admin("rule remove steel-watch"));
        Assert.Contains("admins only", await Admin("rule add x tariff", user: "UNEW"));
        Assert.Contains("<@UNEW> can now run admin commands", await Admin("admin add <@UNEW|new>"));
        Assert.Contains("Added rule", await Admin("rule add x tariff", user: "UNEW"));
        Assert.Contains("can no longer", await Admin("admin remove <@UNEW>"));
        Assert.Contains("admins only", await Admin("rule remove x", user: "UNEW"));
    }

    [Fact]
    public async Task An_alerts_mute_rule_button_unsubscribes_the_channel_and_answers_through_the_response_url()
    {
        Assert.Contains("Subscribed", await ReplyTextAsync(await _send.CommandAsync("subscribe new-tariffs", channel: "C-BTN")));
        var payload = JsonSerializer.Serialize(new
        {
            type = "block_actions",
            user = new { id = "UUSER" },
            team = new { id = "T1" },
            channel = new { id = "C-BTN" },
            response_url = _slack.ResponseUrl("btn").AbsoluteUri,
            actions = new[] { new { action_id = "mute_rule", value = "new-tariffs", type = "button" } },
        });

        var response = await _send.PostAsync("/slack/interactions", SlackCommandSender.Form(new() { ["payload"] = payload }), "application/x-www-form-urlencoded");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await _host.WaitUntilAsync(_ => Task.FromResult(_slack.Calls.Any(c => c.Method == "response/btn")));
        Assert.Contains("Unsubscribed", _slack.Calls.First(c => c.Method == "response/btn").Body.ToJsonString());
        Assert.False(await _host.WithDbAsync(db => db.Subscriptions.AnyAsync(s => s.Destination!.Address == "T1/C-BTN")));
    }

    [Fact]
    public async Task A_revoked_token_pauses_the_destination_and_keeps_the_alert()
    {
        _slack.RevokeToken(Token);
        await SubscribeAndPollAsync("C-REVOKED");
        await _host.WaitUntilAsync(db => db.Destinations.AnyAsync(d => d.Address == "T1/C-REVOKED" && d.Paused));

        var destination = await _host.WithDbAsync(db => db.Destinations.SingleAsync(d => d.Address == "T1/C-REVOKED"));
        Assert.Contains("token_revoked", destination.PausedReason);
        Assert.Equal(DeliveryState.Pending, (await _host.WithDbAsync(db => db.Deliveries.SingleAsync(d => d.DestinationId == destination.Id))).State);
    }

    [Fact]
    public async Task Search_results_page_with_a_more_button()
    {
        await SubscribeAndPollAsync("C1", [.. Enumerable.Range(1, 7).Select(n => new Rss.Item($"t-{n}",
            $"Country{n} sets {n}0% tariff on item{n} number {n}", $"A tariff of {n}0 percent applies to item{n} from country{n}, note {Guid.NewGuid():n}.",
            TradeNews.Published))]);
        await _host.WaitForQuietAsync();

        await _send.CommandAsync("search tariff*", responseUrl: _slack.ResponseUrl("p1").AbsoluteUri);
        await _host.WaitUntilAsync(_ => Task.FromResult(_slack.Calls.Any(c => c.Method == "response/p1")));
        var first = _slack.Calls.First(c => c.Method == "response/p1").Body;
        Assert.Contains("Results 1–5", first.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        var more = first["blocks"]!.AsArray().Single(b => b!["type"]!.GetValue<string>() == "actions")!["elements"]![0]!;
        Assert.Equal("search_more", more["action_id"]!.GetValue<string>());

        var click = JsonSerializer.Serialize(new
        {
            type = "block_actions",
            user = new { id = "UUSER" },
            team = new { id = "T1" },
            channel = new { id = "C1" },
            response_url = _slack.ResponseUrl("p2").AbsoluteUri,
            actions = new[] { new { action_id = "search_more", value = more["value"]!.GetValue<string>(), type = "button" } },
        });
        await _send.PostAsync("/slack/interactions", SlackCommandSender.Form(new() { ["payload"] = click }), "application/x-www-form-urlencoded");
        await _host.WaitUntilAsync(_ => Task.FromResult(_slack.Calls.Any(c => c.Method == "response/p2")));

        Assert.Contains("Results 6–7", _slack.Calls.First(c => c.Method == "response/p2").Body.ToJsonString(
            new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
    }

    [Fact]
    public async Task Admins_list_dead_deliveries_replay_them_and_resume_a_paused_channel()
    {
        _slack.FailNext("chat.postMessage", "invalid_blocks");
        await SubscribeAndPollAsync("C1");
        await _host.WaitUntilAsync(db => db.Deliveries.AnyAsync(d => d.State == DeliveryState.Dead));
        var id = await _host.WithDbAsync(db => db.Deliveries.Where(d => d.State == DeliveryState.Dead).Select(d => d.Id).SingleAsync());
        async Task<string> Admin(string text) => await ReplyTextAsync(await _send.CommandAsync(text, user: "UADMIN", channel: "C1"));

        var dead = await Admin("deliveries dead");
        Assert.Contains($"{id}: {TradeNews.Tariff.Title}", dead);
        Assert.Contains("invalid_blocks", dead);
        Assert.Contains("goes out again", await Admin($"replay {id}"));
        Assert.Equal(DeliveryState.Pending, (await _host.WithDbAsync(db => db.Deliveries.SingleAsync(d => d.Id == id))).State);
        await _host.RunJobAsync<DeliverJob>(job => job.RunAsync(id, CancellationToken.None)); // as the sweep would
        await _host.WaitUntilAsync(db => db.Deliveries.AnyAsync(d => d.Id == id && d.State == DeliveryState.Sent));
        Assert.Single(_slack.Messages("C1"));
        Assert.Contains("sent already", await Admin($"replay {id}"));

        await _host.WithDbAsync(db => db.Destinations.Where(d => d.Address == "T1/C1").ExecuteUpdateAsync(s => s.SetProperty(d => d.Paused, true).SetProperty(d => d.PausedReason, "not_in_channel")));
        Assert.Contains("Resumed", await Admin("resume"));
        Assert.False(await _host.WithDbAsync(db => db.Destinations.AnyAsync(d => d.Address == "T1/C1" && d.Paused)));
        Assert.Contains("admins only", await ReplyTextAsync(await _send.CommandAsync("replay 1", user: "UUSER")));
    }

    [Fact]
    public async Task An_admin_of_one_workspace_is_no_admin_in_another()
    {
        var elsewhere = await ReplyTextAsync(await _send.CommandAsync("rule add sneaky tariff", user: "UADMIN", team: "T2"));
        var home = await ReplyTextAsync(await _send.CommandAsync("rule add ours tariff", user: "UADMIN", team: "T1"));

        Assert.Contains("for admins only", elsewhere);
        Assert.Contains("Added rule `ours`", home);
        Assert.False(await _host.WithDbAsync(db => db.Rules.AnyAsync(r => r.Name == "sneaky")));
    }

    [Fact]
    public async Task An_added_admin_is_an_admin_in_that_workspace_only()
    {
        await ReplyTextAsync(await _send.CommandAsync("admin add <@UNEW>", user: "UADMIN", team: "T1"));

        Assert.Contains("Added rule", await ReplyTextAsync(await _send.CommandAsync("rule add one tariff", user: "UNEW", team: "T1")));
        Assert.Contains("for admins only", await ReplyTextAsync(await _send.CommandAsync("rule add two tariff", user: "UNEW", team: "T2")));
    }

    [Fact]
    public async Task The_same_channel_id_in_two_workspaces_is_two_destinations()
    {
        await ReplyTextAsync(await _send.CommandAsync("subscribe new-tariffs", channel: "C-SHARED", team: "T1"));
        await ReplyTextAsync(await _send.CommandAsync("subscribe new-tariffs", channel: "C-SHARED", team: "T2"));

        var addresses = await _host.WithDbAsync(db => db.Destinations.Where(d => d.Kind == "slack").Select(d => d.Address).ToListAsync());
        Assert.Equal(["T1/C-SHARED", "T2/C-SHARED"], addresses.Order());
    }

    [Fact]
    public async Task A_replayed_signed_request_is_answered_but_not_run_again()
    {
        var body = SlackCommandSender.Form(new()
        {
            ["team_id"] = "T1", ["channel_id"] = "C-REPLAY", ["user_id"] = "UUSER", ["command"] = "/trade", ["text"] = "subscribe new-tariffs",
        });
        var at = DateTimeOffset.UtcNow;

        var first = await _send.PostAsync("/slack/commands", body, "application/x-www-form-urlencoded", at: at);
        await _host.WithDbAsync(db => db.Subscriptions.ExecuteDeleteAsync()); // so a second run would show
        var replay = await _send.PostAsync("/slack/commands", body, "application/x-www-form-urlencoded", at: at);

        Assert.Contains("Subscribed", await ReplyTextAsync(first));
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Equal("", await replay.Content.ReadAsStringAsync());
        Assert.False(await _host.WithDbAsync(db => db.Subscriptions.AnyAsync()));
    }

    [Fact]
    public async Task A_retried_event_is_acknowledged_and_answered_once()
    {
        const string mention = """{"team_id":"T1","event_id":"Ev-RETRY-1","type":"event_callback","event":{"type":"app_mention","user":"UUSER","channel":"C-EV","ts":"1700000000.000100","text":"<@UBOT> help"}}""";

        var first = await _send.PostAsync("/slack/events", mention, "application/json");
        var retry = await _send.PostAsync("/slack/events", mention, "application/json", at: DateTimeOffset.UtcNow.AddSeconds(1),
            headers: new Dictionary<string, string> { ["X-Slack-Retry-Num"] = "1", ["X-Slack-Retry-Reason"] = "http_timeout" });
        await _host.WaitUntilAsync(_ => Task.FromResult(_slack.Messages("C-EV").Count > 0));
        // Both deliveries were answered, so any job either of them started is queued: once those jobs have run and
        // their posts been answered, a second reply would be in the channel.
        await _host.WaitForJobsAsync();
        await _slack.IdleAsync();

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Single(_slack.Messages("C-EV"));
    }

    [Fact]
    public async Task Requests_from_a_workspace_outside_the_allowed_teams_are_refused()
    {
        await using var host = new TradeAlertBotFactory(TradeAlertBotFactory.NewDatabasePath(), settings: new Dictionary<string, string>
        {
            ["Slack:SigningSecret"] = Secret,
            ["Slack:BotToken"] = Token,
            ["Slack:ApiBaseUrl"] = _slack.BaseUrl.AbsoluteUri,
            ["Slack:AllowedTeams"] = "T1",
            ["DataProtection:KeysPath"] = _keys,
        });
        var send = new SlackCommandSender(host.CreateClient(), Secret);

        var foreign = await send.CommandAsync("subscribe new-tariffs", channel: "C-X", team: "T2");
        var ours = await send.CommandAsync("subscribe new-tariffs", channel: "C-X", team: "T1");

        Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);
        Assert.Contains("Subscribed", await ReplyTextAsync(ours));
        Assert.Equal(["T1/C-X"], await host.WithDbAsync(db => db.Destinations.Where(d => d.Kind == "slack").Select(d => d.Address).ToListAsync()));
    }
}
