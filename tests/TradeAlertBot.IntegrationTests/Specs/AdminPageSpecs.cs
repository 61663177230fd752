using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using TradeAlertBot.Commands.Shared;
using TradeAlertBot.Storage.Entities;

namespace TradeAlertBot.IntegrationTests.Specs;

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

            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/admin")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/admin/login")).StatusCode);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(database);
        }
    }

    [Fact]
    public async Task Without_signing_in_I_am_sent_to_the_sign_in_form()
    {
        var response = await _client.GetAsync("/admin");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/admin/login", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_wrong_token_is_refused_with_401_and_does_not_sign_in()
    {
        var response = await SignInAsync("not-the-token");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("not the admin token", await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await _client.GetAsync("/admin")).StatusCode);
    }

    [Fact]
    public async Task After_signing_in_the_page_lists_rules_and_feeds_and_sets_a_strict_http_only_cookie()
    {
        await Scenario.AddFeedAsync(_host, new Uri("http://127.0.0.1:9/trade-wire.xml"), due: false);

        var signIn = await SignInAsync(Token);
        var page = await PageAsync();

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var cookie = Assert.Single(signIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("tab_admin=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("new-tariffs", page);
        Assert.Contains("http://127.0.0.1:9/trade-wire.xml", page);
    }

    [Fact]
    public async Task A_feed_the_url_guard_refuses_is_not_added_and_the_refusal_is_shown()
    {
        await SignInAsync(Token);

        var response = await PostAsync("/admin/feeds", new() { ["url"] = "http://10.1.2.3/feed.xml" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("That URL is refused", await response.Content.ReadAsStringAsync());
        Assert.False(await _host.WithDbAsync(db => db.Feeds.AnyAsync(f => f.Url.Contains("10.1.2.3"))));
    }

    [Fact]
    public async Task A_feed_watched_already_is_refused_in_the_words_chat_and_the_command_line_use()
    {
        await SignInAsync(Token);
        await PostAsync("/admin/feeds", new() { ["url"] = "https://news.example.org/again.xml" });

        var response = await PostAsync("/admin/feeds", new() { ["url"] = "https://news.example.org/again.xml" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains(new FeedAddResult.Duplicate().Message.Replace("`", ""), await response.Content.ReadAsStringAsync());
        Assert.Equal(1, await _host.WithDbAsync(db => db.Feeds.CountAsync(f => f.Url == "https://news.example.org/again.xml")));
    }

    [Fact]
    public async Task Replaying_a_dead_delivery_puts_it_back_to_pending()
    {
        var id = await AddDeliveryAsync(DeliveryState.Dead, "slack: channel_not_found");
        await SignInAsync(Token);
        Assert.Contains("channel_not_found", await PageAsync());

        var response = await PostAsync($"/admin/deliveries/{id}/replay", []);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var delivery = await _host.WithDbAsync(db => db.Deliveries.AsNoTracking().SingleAsync(d => d.Id == id));
        Assert.Equal(DeliveryState.Pending, delivery.State);
        Assert.Equal(0, delivery.Attempts);
    }

    [Fact]
    public async Task Resuming_a_paused_destination_clears_the_pause()
    {
        var id = await _host.WithDbAsync(async db =>
        {
            var destination = new Destination
            {
                Kind = "test", Address = "C-PAUSED", Paused = true, PausedReason = "channel archived", PausedAt = DateTimeOffset.UtcNow,
            };
            db.Destinations.Add(destination);
            await db.SaveChangesAsync();
            return destination.Id;
        });
        await SignInAsync(Token);
        Assert.Contains("paused: channel archived", await PageAsync());

        var response = await PostAsync($"/admin/destinations/{id}/resume", []);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var resumed = await _host.WithDbAsync(db => db.Destinations.AsNoTracking().SingleAsync(d => d.Id == id));
        Assert.False(resumed.Paused);
        Assert.Null(resumed.PausedReason);
    }

    [Fact]
    public async Task Hostile_text_from_a_feed_is_shown_escaped()
    {
        var feedId = await Scenario.AddFeedAsync(_host, new Uri("http://127.0.0.1:9/hostile.xml"), due: false);
        await _host.WithDbAsync(db => db.Feeds.Where(f => f.Id == feedId)
            .ExecuteUpdateAsync(s => s.SetProperty(f => f.Title, "<script>alert(1)</script>")));
        await SignInAsync(Token);

        var page = await PageAsync();

        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", page);
        Assert.DoesNotContain("<script>alert(1)", page);
    }

    private async Task<HttpResponseMessage> SignInAsync(string token)
    {
        var form = await (await _client.GetAsync("/admin/login")).Content.ReadAsStringAsync();
        return await _client.PostAsync("/admin/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__af"] = AntiforgeryToken(form),
            ["token"] = token,
        }));
    }

    private async Task<string> PageAsync()
    {
        var response = await _client.GetAsync("/admin");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>Posts a form the way the browser would: with the antiforgery token of a freshly loaded page.</summary>
    private async Task<HttpResponseMessage> PostAsync(string path, Dictionary<string, string> fields)
    {
        fields["__af"] = AntiforgeryToken(await PageAsync());
        return await _client.PostAsync(path, new FormUrlEncodedContent(fields));
    }

    private static string AntiforgeryToken(string html) =>
        WebUtility.HtmlDecode(AntiforgeryField().Match(html) is { Success: true } match
            ? match.Groups[1].Value
            : throw new InvalidOperationException("no antiforgery field in the page"));

    private Task<long> AddDeliveryAsync(DeliveryState state, string error) => _host.WithDbAsync(async db =>
    {
        var story = new Story
        {
            Fingerprint = "fp-admin", Title = "US raises steel tariffs", Source = "Trade Wire", Summary = "",
            Categories = ["new-tariffs"], FirstSeenAt = DateTimeOffset.UtcNow, LastSeenAt = DateTimeOffset.UtcNow,
        };
        // Muted, so the replayed row waits as pending instead of being sent by a sweep during the test.
        var destination = new Destination { Kind = "test", Address = "C-DEAD", MutedUntil = DateTimeOffset.UtcNow.AddDays(1) };
        var delivery = new Delivery
        {
            Story = story, Destination = destination, RuleName = "new-tariffs", State = state, Attempts = 8, LastError = error,
            CreatedAt = DateTimeOffset.UtcNow,
        };
        db.Deliveries.Add(delivery);
        await db.SaveChangesAsync();
        return delivery.Id;
    });

    [GeneratedRegex("name=\"__af\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
