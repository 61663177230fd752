using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using TradeAlertBot.IntegrationTests.Fakes;
using TradeAlertBot.Jobs;
using TradeAlertBot.TestFakes;

namespace TradeAlertBot.IntegrationTests.Specs;

/// <summary>Multi-workspace mode: the OAuth v2 install stores the workspace's token encrypted, and alerts use it.</summary>
public sealed class SlackInstallSpecs : IAsyncLifetime
{
    private const string Secret = "install-signing-secret";
    private readonly string _database = TradeAlertBotFactory.NewDatabasePath();
    private readonly string _keys = Path.Combine(Path.GetTempPath(), $"tab-keys-{Guid.NewGuid():n}");
    private FakeSlackApi _slack = null!;
    private TradeAlertBotFactory _host = null!;

    public async Task InitializeAsync()
    {
        _slack = await FakeSlackApi.StartAsync();
        _host = new TradeAlertBotFactory(_database, settings: new Dictionary<string, string>
        {
            ["Slack:SigningSecret"] = Secret,
            ["Slack:ClientId"] = _slack.ClientId,
            ["Slack:ClientSecret"] = _slack.ClientSecret,
            ["Slack:ApiBaseUrl"] = _slack.BaseUrl.AbsoluteUri,
            ["DataProtection:KeysPath"] = _keys,
        });
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _slack.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_database);
        if (Directory.Exists(_keys))
        {
            Directory.Delete(_keys, recursive: true);
        }
    }

    private HttpClient Browser() => _host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    private static string StateFrom(HttpResponseMessage redirect) =>
        System.Web.HttpUtility.ParseQueryString(redirect.Headers.Location!.Query)["state"]!;

    [Fact]
    public async Task An_install_stores_the_token_encrypted_and_alerts_use_it()
    {
        var browser = Browser();
        var redirect = await browser.GetAsync("/slack/install");
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        Assert.StartsWith(new Uri(_slack.BaseUrl, "/oauth/v2/authorize").AbsoluteUri, redirect.Headers.Location!.AbsoluteUri);
        Assert.Contains("client_id=" + _slack.ClientId, redirect.Headers.Location.Query);

        var callback = await browser.GetAsync($"/slack/oauth/callback?code=good-code&state={Uri.EscapeDataString(StateFrom(redirect))}");

        Assert.Equal(HttpStatusCode.OK, callback.StatusCode);
        var workspace = await _host.WithDbAsync(db => db.SlackWorkspaces.SingleAsync());
        Assert.Equal(_slack.Install.TeamId, workspace.TeamId);
        Assert.DoesNotContain(_slack.Install.BotToken, workspace.ProtectedBotToken);

        // A channel of that workspace subscribes and gets an alert posted with the installed token.
        var send = new SlackCommandSender(_host.CreateClient(), Secret);
        Assert.Equal(HttpStatusCode.OK, (await send.CommandAsync("subscribe new-tariffs", channel: "C-NEW", team: workspace.TeamId)).StatusCode);
        await using var feeds = await FeedServer.StartAsync();
        feeds.Serve("/wire.xml", Rss.Feed("Trade Wire", TradeNews.Tariff));
        await Scenario.AddFeedAsync(_host, feeds.Url("/wire.xml"));
        await _host.RunJobAsync<DispatchFeedsJob>(job => job.RunAsync(CancellationToken.None));
        await _host.WaitForQuietAsync();

        var post = Assert.Single(_slack.CallsTo("chat.postMessage"));
        Assert.Equal(_slack.Install.BotToken, post.Token);
        Assert.Equal("C-NEW", post.Field("channel"));
    }

    [Fact]
    public async Task A_callback_with_a_forged_state_or_from_another_browser_installs_nothing()
    {
        var redirect = await Browser().GetAsync("/slack/install");

        var forged = await Browser().GetAsync("/slack/oauth/callback?code=c&state=forged");
        var otherBrowser = await Browser().GetAsync($"/slack/oauth/callback?code=c&state={Uri.EscapeDataString(StateFrom(redirect))}");

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, otherBrowser.StatusCode);
        Assert.Empty(_slack.CallsTo("oauth.v2.access"));
        Assert.False(await _host.WithDbAsync(db => db.SlackWorkspaces.AnyAsync()));
    }

    [Fact]
    public async Task A_revoked_workspace_token_marks_the_workspace_broken_and_holds_its_alerts()
    {
        var browser = Browser();
        var redirect = await browser.GetAsync("/slack/install");
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync($"/slack/oauth/callback?code=c&state={Uri.EscapeDataString(StateFrom(redirect))}")).StatusCode);
        var send = new SlackCommandSender(_host.CreateClient(), Secret);
        await send.CommandAsync("subscribe new-tariffs", channel: "C-WS", team: _slack.Install.TeamId);
        _slack.RevokeToken(_slack.Install.BotToken);

        await using var feeds = await FeedServer.StartAsync();
        feeds.Serve("/wire.xml", Rss.Feed("Trade Wire", TradeNews.Tariff));
        await Scenario.AddFeedAsync(_host, feeds.Url("/wire.xml"));
        await _host.RunJobAsync<DispatchFeedsJob>(job => job.RunAsync(CancellationToken.None));
        await _host.WaitUntilAsync(db => db.SlackWorkspaces.AnyAsync(w => w.BrokenReason != null));

        Assert.Equal("token_revoked", (await _host.WithDbAsync(db => db.SlackWorkspaces.SingleAsync())).BrokenReason);
        await _host.WaitUntilAsync(db => db.Destinations.AnyAsync(d => d.Address == _slack.Install.TeamId + "/C-WS" && d.Paused));
        Assert.Equal(Storage.Entities.DeliveryState.Pending,
            (await _host.WithDbAsync(db => db.Deliveries.SingleAsync(d => d.Destination!.Address == _slack.Install.TeamId + "/C-WS"))).State);
        Assert.Contains("degraded", await _host.CreateClient().GetStringAsync("/healthz"));
    }

    [Fact]
    public async Task An_install_in_a_workspace_outside_the_allowed_teams_is_refused_and_stores_nothing()
    {
        await using var host = new TradeAlertBotFactory(_database, settings: new Dictionary<string, string>
        {
            ["Slack:SigningSecret"] = Secret,
            ["Slack:ClientId"] = _slack.ClientId,
            ["Slack:ClientSecret"] = _slack.ClientSecret,
            ["Slack:ApiBaseUrl"] = _slack.BaseUrl.AbsoluteUri,
            ["Slack:AllowedTeams"] = "T-OURS",
            ["DataProtection:KeysPath"] = _keys,
        });
        var browser = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var redirect = await browser.GetAsync("/slack/install");
        Assert.Contains("team=T-OURS", redirect.Headers.Location!.Query);

        var callback = await browser.GetAsync($"/slack/oauth/callback?code=good-code&state={Uri.EscapeDataString(StateFrom(redirect))}");

        Assert.Equal(HttpStatusCode.Forbidden, callback.StatusCode);
        Assert.False(await host.WithDbAsync(db => db.SlackWorkspaces.AnyAsync()));
    }
}
