using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using TradeAlertBot.Storage.Entities;
using TradeAlertBot.TestFakes;

namespace TradeAlertBot.IntegrationTests.Specs;

/// <summary>Signing in to the console through an organisation's OpenID Connect provider (a fake one on 127.0.0.1).</summary>
public sealed partial class AdminOidcSpecs : IAsyncLifetime
{
    private readonly string _database = TradeAlertBotFactory.NewDatabasePath();
    private readonly List<TradeAlertBotFactory> _hosts = [];
    private FakeOidcProvider _provider = null!;

    public async Task InitializeAsync() => _provider = await FakeOidcProvider.StartAsync();

    public async Task DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            await host.DisposeAsync();
        }

        await _provider.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_database);
    }

    [Fact]
    public async Task Someone_of_an_allowed_domain_signs_in_and_the_audit_log_names_them()
    {
        var host = Host(new() { ["Admin:Oidc:AllowedDomains:0"] = "example.com" });
        using var browser = Client(host);

        var landed = await SignInThroughProviderAsync(browser);

        Assert.StartsWith("/admin/login/continue", landed);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/admin")).StatusCode);
        Assert.Empty(_provider.Refusals);
        var entry = await host.WithDbAsync(db => db.AuditLog.SingleAsync(e => e.Action == AuditAction.SignIn));
        Assert.Matches("^web:alice@example\\.com/[0-9A-F]{8}$", entry.Actor);
    }

    [Fact]
    public async Task Someone_of_another_domain_is_refused_with_a_clear_page_and_the_refusal_is_audited()
    {
        _provider.User = FakeOidcUser.Named("mallory@example.org");
        var host = Host(new() { ["Admin:Oidc:AllowedDomains:0"] = "example.com" });
        using var browser = Client(host);

        var landed = await SignInThroughProviderAsync(browser);

        Assert.Equal("/admin/login?refused=true", landed);
        var page = await (await browser.GetAsync(landed)).Content.ReadAsStringAsync();
        Assert.Contains("that account may not use this console", page);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/admin")).StatusCode);
        var entry = await host.WithDbAsync(db => db.AuditLog.SingleAsync(e => e.Action == AuditAction.SignInRefused));
        Assert.Contains("mallory@example.org", entry.After);
        Assert.Contains("example.org is not one of Admin:Oidc:AllowedDomains", entry.After);
        Assert.False(await host.WithDbAsync(db => db.AuditLog.AnyAsync(e => e.Action == AuditAction.SignIn)));
    }

    [Theory]
    [InlineData("in the group", "trade-admins", true)]
    [InlineData("in another group only", "finance", false)]
    public async Task The_group_rule_admits_members_of_an_allowed_group_only(string _, string group, bool admitted)
    {
        _provider.User = FakeOidcUser.Named("bob@partner.net", group);
        var host = Host(new() { ["Admin:Oidc:AllowedGroups:0"] = "trade-admins" });
        using var browser = Client(host);

        await SignInThroughProviderAsync(browser);

        var overview = await browser.GetAsync("/admin");
        Assert.Equal(admitted ? HttpStatusCode.OK : HttpStatusCode.Redirect, overview.StatusCode);
    }

    [Fact]
    public async Task Signing_out_ends_a_provider_session_even_for_a_copy_of_its_cookie()
    {
        var host = Host(new() { ["Admin:Oidc:AllowedDomains:0"] = "example.com" });
        using var browser = Client(host);
        var landed = await CallbackAsync(browser);
        var cookie = Assert.Single(landed.Headers.GetValues("Set-Cookie"), c => c.StartsWith("tab_admin=", StringComparison.Ordinal)).Split(';')[0];
        var overview = await browser.GetAsync("/admin");
        var page = await overview.Content.ReadAsStringAsync();
        Assert.True(overview.StatusCode == HttpStatusCode.OK, $"{overview.StatusCode} {overview.Headers.Location} {page}");

        var signOut = await browser.PostAsync("/admin/logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__af"] = AdminForms.AntiforgeryToken(page) }));

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        using var thief = Client(host, handleCookies: false);
        var request = new HttpRequestMessage(HttpMethod.Get, "/admin");
        request.Headers.Add("Cookie", cookie);
        Assert.Equal(HttpStatusCode.Redirect, (await thief.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task The_login_page_offers_the_provider_and_the_token_form_when_both_are_set()
    {
        var host = Host(new() { ["Admin:Oidc:AllowedDomains:0"] = "example.com", ["Admin:Token"] = "a-token-too" });
        using var browser = Client(host);

        var page = await (await browser.GetAsync("/admin/login")).Content.ReadAsStringAsync();

        Assert.Contains(">Sign in with Fake IdP</a>", page);
        Assert.Contains("<label for=\"token\">Admin token</label>", page);
    }

    [Fact]
    public async Task With_only_the_provider_set_there_is_no_token_form_and_a_posted_token_signs_nobody_in()
    {
        var host = Host(new() { ["Admin:Oidc:AllowedDomains:0"] = "example.com" });
        using var browser = Client(host);
        var page = await (await browser.GetAsync("/admin/login")).Content.ReadAsStringAsync();

        var posted = await browser.PostAsync("/admin/login", new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = "" }));

        Assert.Contains(">Sign in with Fake IdP</a>", page);
        Assert.DoesNotContain("Admin token", page);
        Assert.False(posted.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("tab_admin=", StringComparison.Ordinal)));
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/admin")).StatusCode);
    }

    [Theory]
    [InlineData("plain http to another machine", "Admin:Oidc:Authority", "http://idp.example.com", "must be https")]
    [InlineData("no client secret", "Admin:Oidc:ClientSecret", "", "Admin:Oidc:ClientSecret is required")]
    [InlineData("no admission rule", "Admin:Oidc:AllowedDomains:0", "", "set Admin:Oidc:AllowedDomains or Admin:Oidc:AllowedGroups")]
    [InlineData("a full address for a domain", "Admin:Oidc:AllowedDomains:0", "alice@example.com", "is not an e-mail domain")]
    public async Task Bad_provider_settings_stop_start_up_with_the_setting_named(string _, string key, string value, string message)
    {
        var settings = Settings(new() { ["Admin:Oidc:AllowedDomains:0"] = "example.com" });
        settings[key] = value;
        if (value.Length == 0)
        {
            settings.Remove(key);
        }

        var error = await FailedStart.ErrorAsync(_database, settings);

        Assert.NotNull(error);
        Assert.Contains(message, error.Message);
    }

    /// <summary>Follows the flow as a browser would: the app's challenge, the provider's redirect, the app's callback.</summary>
    private async Task<string> SignInThroughProviderAsync(HttpClient browser) => (await CallbackAsync(browser)).Headers.Location!.OriginalString;

    private async Task<HttpResponseMessage> CallbackAsync(HttpClient browser)
    {
        var challenge = await browser.GetAsync("/admin/login?handler=Oidc");
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        using var toProvider = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var authorized = await toProvider.GetAsync(challenge.Headers.Location);
        Assert.Equal(HttpStatusCode.Redirect, authorized.StatusCode);
        var callback = await browser.GetAsync(authorized.Headers.Location!.PathAndQuery);
        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        return callback;
    }

    private Dictionary<string, string> Settings(Dictionary<string, string> extra)
    {
        var all = new Dictionary<string, string>
        {
            ["Admin:Oidc:Authority"] = _provider.Authority,
            ["Admin:Oidc:ClientId"] = _provider.ClientId,
            ["Admin:Oidc:ClientSecret"] = _provider.ClientSecret,
            ["Admin:Oidc:DisplayName"] = "Fake IdP",
        };
        foreach (var (key, value) in extra)
        {
            all[key] = value;
        }

        return all;
    }

    private TradeAlertBotFactory Host(Dictionary<string, string> settings)
    {
        var host = new TradeAlertBotFactory(_database, settings: Settings(settings));
        _hosts.Add(host);
        return host;
    }

    private static HttpClient Client(TradeAlertBotFactory host, bool handleCookies = true) =>
        host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = handleCookies });

}
