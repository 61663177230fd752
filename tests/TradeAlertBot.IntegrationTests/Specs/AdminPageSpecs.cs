using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using TradeAlertBot.Commands.Shared;
using TradeAlertBot.Storage.Entities;

namespace TradeAlertBot.IntegrationTests.Specs;

/// <summary>The console's feeds, destinations, deliveries and audit pages over HTTP: signed-in only, antiforgery on every POST, chat's rules.</summary>
public sealed partial class AdminPageSpecs : IAsyncLifetime
{
    private const string Token = "correct-horse-battery-staple";
    private readonly string _database = TradeAlertBotFactory.NewDatabasePath();
    private readonly string _keys = Path.Combine(Path.GetTempPath(), $"tab-keys-{Guid.NewGuid():n}");
    private TradeAlertBotFactory _host = null!;
    private HttpClient _client = null!;

    public Task InitializeAsync()
    {
        _host = new TradeAlertBotFactory(_database, settings: new Dictionary<string, string>
        {
            ["Admin:Token"] = Token,
            ["DataProtection:KeysPath"] = _keys,
        });
        _client = _host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _host.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_database);
        if (Directory.Exists(_keys))
        {
            Directory.Delete(_keys, recursive: true);
        }
    }

    [Fact]
    public async Task Without_the_token_setting_there_is_no_admin_page()
    {
        var database = TradeAlertBotFactory.NewDatabasePath();
        try
        {
            await using var host = new TradeAlertBotFactory(database);
            using var client = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

            foreach (var path in new[] { "/admin/feeds", "/admin/destinations", "/admin/deliveries", "/admin/audit" })
            {
                Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(path)).StatusCode);
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(database);
        }
    }

    [Theory]
    [InlineData("/admin/feeds")]
    [InlineData("/admin/destinations")]
    [InlineData("/admin/deliveries")]
    [InlineData("/admin/audit")]
    [InlineData("/admin/feeds?handler=Export")]
    [InlineData("/admin/audit?handler=Csv")]
    public async Task Without_signing_in_I_am_sent_to_the_sign_in_form(string path)
    {
        var response = await _client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/admin/login", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task The_feeds_page_lists_each_feed_with_its_status_and_a_labelled_sparkline()
    {
        await Scenario.AddFeedAsync(_host, new Uri("http://127.0.0.1:9/trade-wire.xml"), due: false);
        await SignInAsync(Token);

        var page = await PageAsync("/admin/feeds");

        Assert.Contains("http://127.0.0.1:9/trade-wire.xml", page);
        Assert.Contains("not polled yet", page);
        Assert.Matches("<svg class=\"spark\" role=\"img\" aria-label=\"[^\"]*0 item\\(s\\) in 14 days", page);
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_refused()
    {
        await SignInAsync(Token);

        var response = await _client.PostAsync("/admin/feeds?handler=Add", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["url"] = "http://127.0.0.1:9/feed.xml",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(await _host.WithDbAsync(db => db.Feeds.AnyAsync()));
    }

    [Fact]
    public async Task A_feed_the_url_guard_refuses_is_not_added_and_the_refusal_is_shown()
    {
        await SignInAsync(Token);

        var response = await PostAsync("/admin/feeds?handler=Add", new() { ["url"] = "http://10.1.2.3/feed.xml" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("That URL is refused", await response.Content.ReadAsStringAsync());
        Assert.False(await _host.WithDbAsync(db => db.Feeds.AnyAsync(f => f.Url.Contains("10.1.2.3"))));
    }

    [Fact]
    public async Task A_feed_watched_already_is_refused_in_the_words_chat_and_the_command_line_use()
    {
        await SignInAsync(Token);
        await PostAsync("/admin/feeds?handler=Add", new() { ["url"] = "http://127.0.0.1:9/again.xml" });

        var response = await PostAsync("/admin/feeds?handler=Add", new() { ["url"] = "http://127.0.0.1:9/again.xml" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains(new FeedAddResult.Duplicate().Message.Replace("`", ""), await response.Content.ReadAsStringAsync());
        Assert.Equal(1, await _host.WithDbAsync(db => db.Feeds.CountAsync(f => f.Url == "http://127.0.0.1:9/again.xml")));
    }

    [Fact]
    public async Task A_feed_disabled_and_enabled_on_the_page_is_audited_both_times_under_the_session()
    {
        var id = await Scenario.AddFeedAsync(_host, new Uri("http://127.0.0.1:9/wire.xml"), due: false);
        await SignInAsync(Token);

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync($"/admin/feeds?handler=Disable&id={id}", [])).StatusCode);
        Assert.False((await Scenario.FeedAsync(_host, id)).Enabled);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync($"/admin/feeds?handler=Enable&id={id}", [])).StatusCode);

        Assert.True((await Scenario.FeedAsync(_host, id)).Enabled);
        var entries = await _host.WithDbAsync(db => db.AuditLog.Where(e => e.Target.StartsWith($"feed {id} ")).OrderBy(e => e.Id).ToListAsync());
        Assert.Equal([AuditAction.FeedRemove, AuditAction.FeedEnable], entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Matches("^web:admin/[0-9A-F]{8}$", e.Actor));
    }

    [Fact]
    public async Task An_opml_import_adds_allowed_feeds_reports_refused_ones_and_the_export_lists_them()
    {
        await SignInAsync(Token);
        const string opml = """
            <?xml version="1.0"?>
            <opml version="2.0"><head><title>mine</title></head><body>
              <outline text="Trade Wire" title="Trade Wire" xmlUrl="http://127.0.0.1:9/trade.xml"/>
              <outline text="Inside" xmlUrl="http://192.168.1.5/internal.xml"/>
            </body></opml>
            """;
        using var form = new MultipartFormDataContent
        {
            { new StringContent(AdminForms.AntiforgeryToken(await PageAsync("/admin/feeds"))), "__af" },
            { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(opml)), "opml", "mine.opml" },
        };

        var report = await (await _client.PostAsync("/admin/feeds?handler=Import", form)).Content.ReadAsStringAsync();
        var export = await _client.GetAsync("/admin/feeds?handler=Export");

        Assert.Contains("Import: 1 of 2 added", report);
        Assert.Contains("That URL is refused", report);
        Assert.Equal(["http://127.0.0.1:9/trade.xml"], await _host.WithDbAsync(db => db.Feeds.Select(f => f.Url).ToListAsync()));
        Assert.Equal("attachment", export.Content.Headers.ContentDisposition?.DispositionType);
        var exported = await export.Content.ReadAsStringAsync();
        Assert.Contains("xmlUrl=\"http://127.0.0.1:9/trade.xml\"", exported);
        Assert.Contains("title=\"Trade Wire\"", exported);
    }

    [Fact]
    public async Task A_watch_list_csv_with_a_bad_row_imports_nothing_a_good_one_is_imported_audited_and_exported_again()
    {
        var id = await AddDestinationAsync(paused: false);
        await SignInAsync(Token);

        var refused = await ImportWatchListAsync(id, "hs,product,country,label\n8541.43,,CN,solar cells\n12AB,,,broken\n");
        Assert.Equal(0, await _host.WithDbAsync(db => db.WatchListEntries.CountAsync()));
        Assert.Contains("Nothing imported: 1 bad row(s): line 3", WebUtility.HtmlDecode(refused));

        var imported = await ImportWatchListAsync(id, "hs,product,country,label\n8541.43,,CN,solar cells\n7208,,,flat steel\n");
        Assert.Contains("Imported 2 watch-list entries.", WebUtility.HtmlDecode(imported));
        Assert.Contains("8541.43 solar cells, from CN", WebUtility.HtmlDecode(imported));
        Assert.Equal(1, await _host.WithDbAsync(db => db.AuditLog.CountAsync(e => e.Action == AuditAction.WatchImport && e.Actor.StartsWith("web:"))));

        var export = await _client.GetAsync($"/admin/destinations?handler=WatchList&id={id}");
        Assert.Equal("attachment", export.Content.Headers.ContentDisposition?.DispositionType);
        var csv = await export.Content.ReadAsStringAsync();
        Assert.Contains("854143,,CN,solar cells", csv.Replace("8541.43", "854143", StringComparison.Ordinal));
        Assert.Contains("flat steel", csv);
    }

    /// <summary>Uploads <paramref name="csv"/> as the page's import form does and returns the page it lands on.</summary>
    private async Task<string> ImportWatchListAsync(long id, string csv)
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent(AdminForms.AntiforgeryToken(await PageAsync("/admin/destinations"))), "__af" },
            { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(csv)), "csv", "watch.csv" },
        };
        var response = await _client.PostAsync($"/admin/destinations?handler=WatchImport&id={id}", form);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await PageAsync("/admin/destinations");
    }

    [Fact]
    public async Task Replaying_a_dead_delivery_puts_it_back_to_pending_and_audits_it()
    {
        var id = await AddDeliveryAsync(DeliveryState.Dead, "slack: channel_not_found");
        await SignInAsync(Token);
        Assert.Contains("channel_not_found", await PageAsync("/admin/deliveries"));

        var response = await PostAsync("/admin/deliveries?handler=ReplayOne", new() { ["id"] = id.ToString(CultureInfo.InvariantCulture) });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var delivery = await _host.WithDbAsync(db => db.Deliveries.AsNoTracking().SingleAsync(d => d.Id == id));
        Assert.Equal((DeliveryState.Pending, 0), (delivery.State, delivery.Attempts));
        var entry = await _host.WithDbAsync(db => db.AuditLog.SingleAsync(e => e.Action == AuditAction.Replay));
        Assert.Equal(($"delivery {id}", "dead", "pending"), (entry.Target, entry.Before, entry.After));
    }

    [Fact]
    public async Task Replay_selected_replays_each_checked_delivery_and_the_state_filter_narrows_the_list()
    {
        var dead = await AddDeliveryAsync(DeliveryState.Dead, "slack: channel_not_found");
        var failed = await AddDeliveryAsync(DeliveryState.Failed, "slack: ratelimited", "C-FAILED");
        await SignInAsync(Token);

        var deadOnly = await PageAsync("/admin/deliveries?state=dead");
        Assert.Contains("channel_not_found", deadOnly);
        Assert.DoesNotContain("ratelimited", deadOnly);

        var response = await PostAsync("/admin/deliveries?handler=ReplaySelected", new() { ["selected"] = dead.ToString(CultureInfo.InvariantCulture) });
        var again = await PostAsync("/admin/deliveries?handler=ReplaySelected", new() { ["selected"] = failed.ToString(CultureInfo.InvariantCulture) });

        Assert.Equal((HttpStatusCode.Redirect, HttpStatusCode.Redirect), (response.StatusCode, again.StatusCode));
        Assert.Equal(2, await _host.WithDbAsync(db => db.Deliveries.CountAsync(d => d.State == DeliveryState.Pending)));
        Assert.Equal(2, await _host.WithDbAsync(db => db.AuditLog.CountAsync(e => e.Action == AuditAction.Replay)));
    }

    [Fact]
    public async Task Resuming_a_paused_destination_clears_the_pause()
    {
        var id = await AddDestinationAsync(paused: true);
        await SignInAsync(Token);
        Assert.Contains("Paused: channel archived", await PageAsync("/admin/destinations"));

        var response = await PostAsync($"/admin/destinations?handler=Resume&id={id}", []);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var resumed = await _host.WithDbAsync(db => db.Destinations.AsNoTracking().SingleAsync(d => d.Id == id));
        Assert.Equal((false, null), (resumed.Paused, resumed.PausedReason));
        Assert.Equal(1, await _host.WithDbAsync(db => db.AuditLog.CountAsync(e => e.Action == AuditAction.Resume)));
    }

    [Fact]
    public async Task A_destination_shows_its_held_and_pending_alerts_apart()
    {
        await _host.WithDbAsync(async db =>
        {
            var destination = new Destination { Kind = "test", Address = "C-WAITING", MutedUntil = DateTimeOffset.UtcNow.AddDays(1) };
            foreach (var (fingerprint, heldFor) in new[] { ("fp-1", "mute"), ("fp-2", "mute"), ("fp-3", (string?)null) })
            {
                db.Deliveries.Add(new Delivery
                {
                    Story = new Story
                    {
                        Fingerprint = fingerprint, Title = fingerprint, Source = "Trade Wire", Summary = "", Categories = ["new-tariffs"],
                        FirstSeenAt = DateTimeOffset.UtcNow, LastSeenAt = DateTimeOffset.UtcNow,
                    },
                    Destination = destination, RuleName = "new-tariffs", State = DeliveryState.Pending, HeldFor = heldFor, CreatedAt = DateTimeOffset.UtcNow,
                    // Claimed by a worker elsewhere: the running host's own jobs must not send the unheld row before the page is read.
                    ClaimedUntil = DateTimeOffset.UtcNow.AddDays(1),
                });
            }

            await db.SaveChangesAsync();
            return 0;
        });
        await SignInAsync(Token);

        var page = await PageAsync("/admin/destinations");

        Assert.Matches("held: <strong>2</strong> · pending: <strong>1</strong> · settings: muted until", page);
    }

    [Fact]
    public async Task Subscriptions_and_hold_settings_follow_the_chat_commands_rules()
    {
        var id = await AddDestinationAsync(paused: false);
        await SignInAsync(Token);

        await PostAsync($"/admin/destinations?handler=Subscribe&id={id}", new() { ["rule"] = "new-tariffs", ["filters"] = "country:vn hs:7208" });
        await PostAsync($"/admin/destinations?handler=Subscribe&id={id}", new() { ["rule"] = "no-such-rule" });
        await PostAsync($"/admin/destinations?handler=Subscribe&id={id}", new() { ["rule"] = "new-tariffs", ["filters"] = "colour:red" });
        var badMute = await PostAsync($"/admin/destinations?handler=Mute&id={id}", new() { ["mute"] = "9d" });
        Assert.Contains("is not a duration", await (await _client.GetAsync(badMute.Headers.Location)).Content.ReadAsStringAsync());
        await PostAsync($"/admin/destinations?handler=Quiet&id={id}", new() { ["quiet"] = "22:00-07:00", ["zone"] = "Europe/Berlin" });
        await PostAsync($"/admin/destinations?handler=Digest&id={id}", new() { ["digest"] = "daily 09:00", ["zone"] = "Europe/Berlin" });

        var subscription = await _host.WithDbAsync(db => db.Subscriptions.SingleAsync(s => s.DestinationId == id));
        Assert.Equal(("new-tariffs", "VN", "7208"), (subscription.RuleName, subscription.Country, subscription.HsCode));
        var destination = await _host.WithDbAsync(db => db.Destinations.AsNoTracking().SingleAsync(d => d.Id == id));
        Assert.Equal(((DateTimeOffset?)null, "22:00-07:00", "daily 09:00", "Europe/Berlin"), (destination.MutedUntil, destination.QuietHours, destination.Digest, destination.TimeZone));
        var actions = await _host.WithDbAsync(db => db.AuditLog.OrderBy(e => e.Id).Select(e => e.Action).ToListAsync());
        Assert.Equal([AuditAction.SignIn, AuditAction.Subscribe, AuditAction.ChannelSettings, AuditAction.ChannelSettings], actions);

        await PostAsync($"/admin/destinations?handler=Unsubscribe&id={id}&subscription={subscription.Id}", []);
        Assert.False(await _host.WithDbAsync(db => db.Subscriptions.AnyAsync(s => s.DestinationId == id)));
    }

    [Fact]
    public async Task The_audit_page_filters_by_action_and_its_csv_has_the_columns_of_the_command_line()
    {
        var id = await AddDeliveryAsync(DeliveryState.Dead, "slack: channel_not_found");
        await SignInAsync(Token);
        await PostAsync("/admin/deliveries?handler=ReplayOne", new() { ["id"] = id.ToString(CultureInfo.InvariantCulture) });

        var replays = await PageAsync("/admin/audit?action=replay");
        var csv = await _client.GetAsync("/admin/audit?handler=Csv&action=replay");

        Assert.Contains($"delivery {id}", replays);
        Assert.Contains("1 entry, page 1 of 1", replays);
        Assert.Contains("365 days", replays); // the retention, Admin:AuditRetention's default
        Assert.Equal("attachment", csv.Content.Headers.ContentDisposition?.DispositionType);
        var lines = (await csv.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("time,actor,action,target,before,after", lines[0].TrimEnd('\r'));
        Assert.Matches($"^\\d{{4}}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\dZ,web:admin/[0-9A-F]{{8}},replay,delivery {id},dead,pending$", Assert.Single(lines[1..]).TrimEnd('\r'));
    }

    [Fact]
    public async Task Hostile_text_from_a_feed_is_shown_escaped()
    {
        var feedId = await Scenario.AddFeedAsync(_host, new Uri("http://127.0.0.1:9/hostile.xml"), due: false);
        await _host.WithDbAsync(db => db.Feeds.Where(f => f.Id == feedId)
            .ExecuteUpdateAsync(s => s.SetProperty(f => f.Title, "<script>alert(1)</script>").SetProperty(f => f.LastError, "<img src=x onerror=alert(2)>")));
        await SignInAsync(Token);

        var page = await PageAsync("/admin/feeds");

        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", page);
        Assert.Contains("&lt;img src=x onerror=alert(2)&gt;", page);
        Assert.DoesNotContain("<script>alert(1)", page);
        Assert.DoesNotContain("<img src=x", page);
    }

    private Task<HttpResponseMessage> SignInAsync(string token) => AdminForms.SignInAsync(_client, token);

    private async Task<string> PageAsync(string path)
    {
        var response = await _client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>Posts a form the way the browser would: with the antiforgery token of a freshly loaded page.</summary>
    private async Task<HttpResponseMessage> PostAsync(string path, Dictionary<string, string> fields)
    {
        fields["__af"] = AdminForms.AntiforgeryToken(await PageAsync("/admin/audit"));
        return await _client.PostAsync(path, new FormUrlEncodedContent(fields));
    }

    private Task<long> AddDestinationAsync(bool paused) => _host.WithDbAsync(async db =>
    {
        var destination = new Destination { Kind = "test", Address = "C-PAUSED" };
        if (paused)
        {
            destination.Pause("channel archived", DateTimeOffset.UtcNow);
        }

        db.Destinations.Add(destination);
        await db.SaveChangesAsync();
        return destination.Id;
    });

    private Task<long> AddDeliveryAsync(DeliveryState state, string error, string address = "C-DEAD") => _host.WithDbAsync(async db =>
    {
        var story = new Story
        {
            Fingerprint = "fp-" + address, Title = "US raises steel tariffs", Source = "Trade Wire", Summary = "",
            Categories = ["new-tariffs"], FirstSeenAt = DateTimeOffset.UtcNow, LastSeenAt = DateTimeOffset.UtcNow,
        };
        // Muted, so the replayed row waits as pending instead of being sent by a sweep during the test.
        var destination = new Destination { Kind = "test", Address = address, MutedUntil = DateTimeOffset.UtcNow.AddDays(1) };
        var delivery = new Delivery
        {
            Story = story, Destination = destination, RuleName = "new-tariffs", State = state, Attempts = 8, LastError = error,
            CreatedAt = DateTimeOffset.UtcNow,
        };
        db.Deliveries.Add(delivery);
        await db.SaveChangesAsync();
        return delivery.Id;
    });

}
