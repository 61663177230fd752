using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Testing;
using TradeAlertBot.IntegrationTests.Fakes;
using TradeAlertBot.Jobs;
using TradeAlertBot.TestFakes;

namespace TradeAlertBot.IntegrationTests.Specs;

/// <summary>The Teams bot end to end against a fake Bot Framework (identity + Connector) on 127.0.0.1.</summary>
public sealed class TeamsSpecs : IAsyncLifetime
{
    private const string AppId = "6f0c2d7e-1111-4c3b-9a55-0123456789ab";
    private const string Conversation = "19:abc@thread.tacv2";
    private readonly string _database = TradeAlertBotFactory.NewDatabasePath();
    private FeedServer _feeds = null!;
    private FakeBotIdentity _identity = null!;
    private FakeBotConnector _connector = null!;
    private TradeAlertBotFactory _host = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _feeds = await FeedServer.StartAsync();
        _identity = await FakeBotIdentity.StartAsync(AppId, "app-secret");
        _connector = await FakeBotConnector.StartAsync();
        _host = new TradeAlertBotFactory(_database, settings: new Dictionary<string, string>
        {
            ["Teams:AppId"] = AppId,
            ["Teams:AppPassword"] = "app-secret",
            ["Teams:OpenIdMetadataUrl"] = _identity.OpenIdMetadataUrl.AbsoluteUri,
            ["Teams:Authority"] = _identity.Authority().AbsoluteUri, // https with the fake's own certificate
            ["Teams:Admins"] = "tenant-1:aad-admin",
        }, services: s =>
        {
            s.AddLogging(logging => logging.AddFakeLogging());
            s.AddHttpClient(Teams.TeamsOptions.AuthHttpClientName).ConfigurePrimaryHttpMessageHandler(_identity.CreateTrustingHandler);
        });
        _client = _host.CreateClient();
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _connector.DisposeAsync();
        await _identity.DisposeAsync();
        await _feeds.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_database);
    }

    private Task<HttpResponseMessage> PostAsync(object activity, string? token = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(JsonSerializer.Serialize(activity), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token ?? _identity.MintToken(AppId, serviceUrl: _connector.ServiceUrl));
        return _client.SendAsync(request);
    }

    private object Install() => new
    {
        type = "conversationUpdate",
        id = "act-install",
        channelId = "msteams",
        serviceUrl = _connector.ServiceUrl,
        conversation = new { id = Conversation, conversationType = "channel", tenantId = "tenant-1" },
        recipient = new { id = "28:" + AppId },
        from = new { id = "29:user", aadObjectId = "aad-user" },
        membersAdded = new[] { new { id = "28:" + AppId } },
        channelData = new { tenant = new { id = "tenant-1" }, team = new { name = "Trade desk" }, channel = new { name = "Alerts" } },
    };

    private object Message(string text, string user = "aad-user", string id = "act-msg") => new
    {
        type = "message",
        id,
        channelId = "msteams",
        serviceUrl = _connector.ServiceUrl,
        conversation = new { id = Conversation, conversationType = "channel" },
        recipient = new { id = "28:" + AppId },
        from = new { id = "29:user", aadObjectId = user },
        text = $"<at>TradeAlertBot</at> {text}",
        channelData = new { tenant = new { id = "tenant-1" } },
    };

    private IReadOnlyList<FakeBotActivity> Activities => _connector.Activities(Conversation);

    private async Task<string> AskAsync(string text, string user = "aad-user")
    {
        var id = "act-" + Guid.NewGuid().ToString("n");
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(Message(text, user, id))).StatusCode);
        await _host.WaitUntilAsync(_ => Task.FromResult(Activities.Any(a => a.ReplyToId == id)));
        return Activities.Single(a => a.ReplyToId == id).Activity.ToJsonString();
    }

    [Fact]
    public async Task An_installed_channel_subscribes_by_mention_and_gets_one_card_then_a_thread_reply_and_update()
    {
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(Install())).StatusCode);
        Assert.Contains("Subscribed", await AskAsync("subscribe new-tariffs"));
        var stored = await _host.WithDbAsync(db => db.TeamsConversations.SingleAsync());
        Assert.Equal(_connector.ServiceUrl, stored.ServiceUrl);
        Assert.Equal("Trade desk", stored.TeamName);

        _feeds.Serve("/wire.xml", Rss.Feed("Trade Wire", TradeNews.Tariff));
        await Scenario.AddFeedAsync(_host, _feeds.Url("/wire.xml"));
        await _host.RunJobAsync<DispatchFeedsJob>(job => job.RunAsync(CancellationToken.None));
        await _host.WaitForQuietAsync();

        var card = Assert.Single(Activities, a => a.ReplyToId is null);
        Assert.Contains("application/vnd.microsoft.card.adaptive", card.Activity.ToJsonString());
        Assert.Contains("AdaptiveCard", card.Activity.ToJsonString());

        _feeds.Serve("/other.xml", Rss.Feed("Other Outlet", TradeNews.TariffRepublished));
        await Scenario.AddFeedAsync(_host, _feeds.Url("/other.xml"));
        await _host.RunJobAsync<DispatchFeedsJob>(job => job.RunAsync(CancellationToken.None));
        await _host.WaitUntilAsync(db => db.Deliveries.AllAsync(d => d.OutletsShown == 2));

        Assert.Single(Activities, a => a.ReplyToId == card.Id && a.Activity.ToJsonString().Contains("2 outlets"));
        Assert.Equal(2, Activities.Single(a => a.Id == card.Id).Version);
    }

    [Fact]
    public async Task Commands_by_mention_are_answered_and_admin_ones_need_an_admin()
    {
        await PostAsync(Install());

        Assert.Contains("new-tariffs", await AskAsync("categories"));
        Assert.Contains("admins only", await AskAsync("rule add steel tariff* AND steel"));
        var added = await AskAsync("rule add steel tariff* AND steel", user: "aad-admin");
        Assert.True(added.Contains("Added rule"), added[..Math.Min(400, added.Length)]);
        Assert.Contains("Did you mean", await AskAsync("subscibe new-tariffs"));
    }

    [Fact]
    public async Task Requests_without_a_valid_token_are_refused_and_change_nothing()
    {
        var wrongAudience = await PostAsync(Install(), _identity.MintToken("another-app", serviceUrl: _connector.ServiceUrl));
        var wrongServiceUrl = await PostAsync(Install(), _identity.MintToken(AppId, serviceUrl: "https://evil.example/"));
        var unsigned = await PostAsync(Install(), _identity.MintUnsignedToken(AppId, _connector.ServiceUrl));

        Assert.Equal(HttpStatusCode.Unauthorized, wrongAudience.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongServiceUrl.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
        Assert.False(await _host.WithDbAsync(db => db.TeamsConversations.AnyAsync()));
    }

    [Fact]
    public async Task A_removed_bot_pauses_the_channel_and_keeps_its_alerts()
    {
        await PostAsync(Install());
        await AskAsync("subscribe new-tariffs");
        _connector.FailNext(HttpStatusCode.Forbidden, count: 5);

        _feeds.Serve("/wire.xml", Rss.Feed("Trade Wire", TradeNews.Tariff));
        await Scenario.AddFeedAsync(_host, _feeds.Url("/wire.xml"));
        await _host.RunJobAsync<DispatchFeedsJob>(job => job.RunAsync(CancellationToken.None));
        await _host.WaitUntilAsync(db => db.Destinations.AnyAsync(d => d.Kind == "teams" && d.Paused));

        Assert.Equal(Storage.Entities.DeliveryState.Pending,
            (await _host.WithDbAsync(db => db.Deliveries.SingleAsync(d => d.Destination!.Kind == "teams"))).State);
    }

    private async Task PollTariffAsync()
    {
        _feeds.Serve("/wire.xml", Rss.Feed("Trade Wire", TradeNews.Tariff));
        await Scenario.AddFeedAsync(_host, _feeds.Url("/wire.xml"));
        await _host.RunJobAsync<DispatchFeedsJob>(job => job.RunAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_rate_limited_card_is_rescheduled_and_posted_once()
    {
        await PostAsync(Install());
        await AskAsync("subscribe new-tariffs");
        _connector.FailNext(HttpStatusCode.TooManyRequests, count: 1, retryAfter: TimeSpan.FromSeconds(1));

        await PollTariffAsync();
        await _host.WaitUntilAsync(db => db.Deliveries.AnyAsync(d => d.Destination!.Kind == "teams" && d.State == Storage.Entities.DeliveryState.Sent));

        Assert.Single(Activities, a => a.ReplyToId is null);
    }

    [Fact]
    public async Task A_mute_rule_button_unsubscribes_the_conversation()
    {
        await PostAsync(Install());
        await AskAsync("subscribe new-tariffs");
        var press = new
        {
            type = "message",
            id = "act-press",
            channelId = "msteams",
            serviceUrl = _connector.ServiceUrl,
            conversation = new { id = Conversation },
            recipient = new { id = "28:" + AppId },
            from = new { id = "29:user", aadObjectId = "aad-user" },
            value = new { action = "mute_rule", rule = "new-tariffs" },
        };

        Assert.Equal(HttpStatusCode.OK, (await PostAsync(press)).StatusCode);
        await _host.WaitUntilAsync(_ => Task.FromResult(Activities.Any(a => a.ReplyToId == "act-press")));

        Assert.Contains("Unsubscribed", Activities.Single(a => a.ReplyToId == "act-press").Activity.ToJsonString());
        Assert.False(await _host.WithDbAsync(db => db.Subscriptions.AnyAsync(s => s.Destination!.Kind == "teams")));
    }

    [Fact]
    public async Task Uninstalling_pauses_the_conversation_and_reinstalling_resumes_it()
    {
        await PostAsync(Install());
        await AskAsync("subscribe new-tariffs");
        var uninstall = new
        {
            type = "installationUpdate",
            action = "remove",
            channelId = "msteams",
            serviceUrl = _connector.ServiceUrl,
            conversation = new { id = Conversation },
            recipient = new { id = "28:" + AppId },
            from = new { id = "29:user", aadObjectId = "aad-user" },
        };

        Assert.Equal(HttpStatusCode.OK, (await PostAsync(uninstall)).StatusCode);
        Assert.True(await _host.WithDbAsync(db => db.Destinations.AnyAsync(d => d.Kind == "teams" && d.Paused && d.PausedReason!.Contains("removed"))));
        Assert.NotNull((await _host.WithDbAsync(db => db.TeamsConversations.SingleAsync())).RemovedAt);

        await PostAsync(Install());
        Assert.False(await _host.WithDbAsync(db => db.Destinations.AnyAsync(d => d.Kind == "teams" && d.Paused)));
    }

    [Fact]
    public async Task A_workflows_webhook_destination_gets_the_card()
    {
        await _host.WithDbAsync(async db =>
        {
            var destination = _host.Services.GetRequiredService<Teams.WebhookSecrets>().NewDestination(_connector.WebhookUrl("team-hook"), null);
            destination.Subscriptions = [new Storage.Entities.Subscription { RuleName = "new-tariffs" }];
            db.Destinations.Add(destination);
            return await db.SaveChangesAsync();
        });

        await PollTariffAsync();
        await _host.WaitForQuietAsync();

        var post = Assert.Single(_connector.WebhookPosts("team-hook"));
        Assert.Contains("AdaptiveCard", post.Body!.ToJsonString());
    }

    [Fact]
    public async Task A_webhook_url_stored_in_plain_text_is_encrypted_at_start_and_never_logged()
    {
        var hook = _connector.WebhookUrl("old-hook");
        await _host.WithDbAsync(async db =>
        {
            db.Destinations.Add(new Storage.Entities.Destination
            {
                Kind = "teams-webhook", Address = hook, Subscriptions = [new Storage.Entities.Subscription { RuleName = "new-tariffs" }],
            });
            return await db.SaveChangesAsync();
        });

        // What start-up does with rows an earlier version stored in plain text.
        await _host.WithDbAsync(db => _host.Services.GetRequiredService<Teams.WebhookSecrets>().ProtectPlainAsync(db, CancellationToken.None));
        await PollTariffAsync();
        await _host.WaitForQuietAsync();

        Assert.Single(_connector.WebhookPosts("old-hook"));
        var row = await _host.WithDbAsync(db => db.Destinations.AsNoTracking().SingleAsync(d => d.Kind == "teams-webhook"));
        Assert.DoesNotContain("sig=", row.Address);
        Assert.StartsWith($"http://{new Uri(hook).Host}/#", row.Address);
        Assert.DoesNotContain("sig=", row.ProtectedSecret);
        var logged = _host.Services.GetFakeLogCollector().GetSnapshot();
        Assert.Contains(logged, r => r.Message.Contains("sent to teams-webhook:", StringComparison.Ordinal));
        Assert.DoesNotContain(logged, r => r.Message.Contains("sig=fake", StringComparison.Ordinal) || r.Message.Contains("/webhook/old-hook", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_oversized_activity_gets_413()
    {
        var response = await PostAsync(new { type = "message", text = new string('x', 300 * 1024) });

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    private object Activity(string text, string? aadObjectId, string tenant = "tenant-1", string channelId = "msteams", string fromId = "29:user", object[]? entities = null) => new
    {
        type = "message",
        id = "act-" + Guid.NewGuid().ToString("n"),
        channelId,
        serviceUrl = _connector.ServiceUrl,
        conversation = new { id = Conversation, conversationType = "channel", tenantId = tenant },
        recipient = new { id = "28:" + AppId },
        from = new { id = fromId, aadObjectId },
        text = $"<at>TradeAlertBot</at> {text}",
        entities = entities ?? [],
        channelData = new { tenant = new { id = tenant } },
    };

    private async Task<string> ReplyToAsync(object activity)
    {
        var id = (string)activity.GetType().GetProperty("id")!.GetValue(activity)!;
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(activity)).StatusCode);
        await _host.WaitUntilAsync(_ => Task.FromResult(Activities.Any(a => a.ReplyToId == id)));
        return Activities.Single(a => a.ReplyToId == id).Activity.ToJsonString();
    }

    [Fact]
    public async Task A_webchat_activity_claiming_an_admins_id_is_refused()
    {
        var webchatKey = _identity.AddSigningKey(["msteams", "webchat"]);
        var token = _identity.MintToken(AppId, serviceUrl: _connector.ServiceUrl, kid: webchatKey);

        var response = await PostAsync(Activity("rule add sneaky tariff", aadObjectId: null, channelId: "webchat", fromId: "aad-admin"), token);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.False(await _host.WithDbAsync(db => db.Rules.AnyAsync(r => r.Name == "sneaky")));
    }

    [Fact]
    public async Task The_admin_identity_is_the_aad_object_id_in_its_tenant_never_from_id()
    {
        await PostAsync(Install());

        var byFromId = await ReplyToAsync(Activity("rule add one tariff", aadObjectId: "aad-user", fromId: "aad-admin"));
        var otherTenant = await ReplyToAsync(Activity("rule add two tariff", aadObjectId: "aad-admin", tenant: "tenant-2"));
        var admin = await ReplyToAsync(Activity("rule add three tariff", aadObjectId: "aad-admin"));

        Assert.Contains("admins only", byFromId);
        Assert.Contains("admins only", otherTenant);
        Assert.Contains("Added rule", admin);
    }

    [Fact]
    public async Task Admin_add_takes_the_mentioned_users_aad_object_id_from_the_mention_entity()
    {
        const string maria = "3f2a1b4c-5d6e-4f70-8a9b-0c1d2e3f4a5b";
        await PostAsync(Install());
        object[] mention =
        [
            new { type = "mention", text = "<at>TradeAlertBot</at>", mentioned = new { id = "28:" + AppId, name = "TradeAlertBot" } },
            new { type = "mention", text = "<at>Maria</at>", mentioned = new { id = "29:maria", name = "Maria", aadObjectId = maria } },
        ];

        var added = await ReplyToAsync(Activity("admin add <at>Maria</at>", aadObjectId: "aad-admin", entities: mention));
        var inTenant = await ReplyToAsync(Activity("rule add marias tariff", aadObjectId: maria));
        var elsewhere = await ReplyToAsync(Activity("rule add other tariff", aadObjectId: maria, tenant: "tenant-2"));

        Assert.Contains("can now run admin commands", added);
        Assert.Contains("Added rule", inTenant);
        Assert.Contains("admins only", elsewhere);
        var stored = await _host.WithDbAsync(db => db.Admins.SingleAsync());
        Assert.Equal(("teams", "tenant-1", maria), (stored.Platform, stored.TeamId, stored.UserId));
    }
}
