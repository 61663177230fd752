using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace TradeAlertBot.IntegrationTests.Specs;

/// <summary>What stands between a guesser, a stolen cookie or a framing page and the admin page.</summary>
public sealed partial class AdminSignInSpecs : IAsyncLifetime
{
    private const string Token = "correct-horse-battery-staple";
    private readonly string _database = TradeAlertBotFactory.NewDatabasePath();
    private readonly string _keys = Path.Combine(Path.GetTempPath(), $"tab-keys-{Guid.NewGuid():n}");
    private readonly List<TradeAlertBotFactory> _hosts = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            await host.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_database);
        if (Directory.Exists(_keys))
        {
            Directory.Delete(_keys, recursive: true);
        }
    }

    [Fact]
    public async Task Guessing_the_token_is_stopped_with_429_and_retry_after_after_a_handful_of_tries()
    {
        using var client = Client(Host(new() { ["Admin:SignInAttempts"] = "5", ["Admin:SignInWindow"] = "00:01:00" }));

        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 8; i++)
        {
            answers.Add(await AdminForms.SignInAsync(client, "guess-" + i));
        }

        Assert.All(answers.Take(5), a => Assert.Equal(HttpStatusCode.Unauthorized, a.StatusCode));
        Assert.All(answers.Skip(5), a => Assert.Equal(HttpStatusCode.TooManyRequests, a.StatusCode));
        var retryAfter = answers[^1].Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
        // Even the right token waits out the window: the limit is per client, not per wrong guess.
        Assert.Equal(HttpStatusCode.TooManyRequests, (await AdminForms.SignInAsync(client, Token)).StatusCode);
    }

    [Fact]
    public async Task A_wrong_token_is_refused_with_401_and_a_message_and_does_not_sign_in()
    {
        using var client = Client(Host());

        var response = await AdminForms.SignInAsync(client, "not-the-token");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("That is not the admin token.", await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/admin")).StatusCode);
    }

    [Fact]
    public async Task The_session_cookie_is_http_only_strict_and_scoped_to_the_console()
    {
        using var client = Client(Host());

        var cookie = Assert.Single((await AdminForms.SignInAsync(client, Token)).Headers.GetValues("Set-Cookie"), c => c.StartsWith("tab_admin=", StringComparison.Ordinal));

        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/admin", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task After_I_sign_out_a_copy_of_my_cookie_no_longer_opens_the_page()
    {
        var host = Host();
        using var browser = Client(host);
        var cookie = SessionCookie(await AdminForms.SignInAsync(browser, Token));
        using var thief = Client(host, handleCookies: false);
        Assert.Equal(HttpStatusCode.OK, (await GetWithCookieAsync(thief, cookie)).StatusCode);

        var signOut = await SignOutAsync(browser);

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        var replay = await GetWithCookieAsync(thief, cookie);
        Assert.Equal(HttpStatusCode.Redirect, replay.StatusCode);
        Assert.Contains("/admin/login", replay.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_signed_out_cookie_stays_refused_after_a_restart_with_the_same_token()
    {
        var before = Host();
        string cookie;
        using (var browser = Client(before))
        {
            cookie = SessionCookie(await AdminForms.SignInAsync(browser, Token));
            await SignOutAsync(browser);
        }

        using var thief = Client(await RestartAsync(before), handleCookies: false);
        var replay = await GetWithCookieAsync(thief, cookie);
        Assert.Equal(HttpStatusCode.Redirect, replay.StatusCode);
        Assert.Contains("/admin/login", replay.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_cookie_issued_under_the_old_token_is_refused_after_a_restart_with_a_new_token()
    {
        var before = Host();
        string cookie;
        using (var browser = Client(before))
        {
            cookie = SessionCookie(await AdminForms.SignInAsync(browser, Token));
        }

        var after = await RestartAsync(before, new() { ["Admin:Token"] = "a-new-token-after-the-old-one-leaked" });
        using var thief = Client(after, handleCookies: false);
        var replay = await GetWithCookieAsync(thief, cookie);

        Assert.Equal(HttpStatusCode.Redirect, replay.StatusCode);
        Assert.Contains("/admin/login", replay.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_cookie_still_works_after_a_restart_with_the_same_token()
    {
        var before = Host();
        string cookie;
        using (var browser = Client(before))
        {
            cookie = SessionCookie(await AdminForms.SignInAsync(browser, Token));
        }

        using var client = Client(await RestartAsync(before), handleCookies: false);
        Assert.Equal(HttpStatusCode.OK, (await GetWithCookieAsync(client, cookie)).StatusCode);
    }

    [Fact]
    public async Task Behind_a_known_tls_proxy_the_admin_cookie_is_secure()
    {
        var host = Host(new()
        {
            ["ForwardedHeaders:Enabled"] = "true",
            ["ForwardedHeaders:KnownProxies:0"] = "10.0.0.5",
        }, remoteIp: IPAddress.Parse("10.0.0.5"));
        using var client = Client(host);
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        client.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.7");

        var cookie = Assert.Single((await AdminForms.SignInAsync(client, Token)).Headers.GetValues("Set-Cookie"), c => c.StartsWith("tab_admin=", StringComparison.Ordinal));

        Assert.Contains("; secure", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_forwarded_proto_from_an_unknown_address_is_ignored()
    {
        var host = Host(new()
        {
            ["ForwardedHeaders:Enabled"] = "true",
            ["ForwardedHeaders:KnownProxies:0"] = "10.0.0.5",
        }, remoteIp: IPAddress.Parse("198.51.100.9"));
        using var client = Client(host);
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");

        var cookie = Assert.Single((await AdminForms.SignInAsync(client, Token)).Headers.GetValues("Set-Cookie"), c => c.StartsWith("tab_admin=", StringComparison.Ordinal));

        Assert.DoesNotContain("; secure", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_key_folder_and_the_database_are_readable_by_the_bots_user_only()
    {
        using var client = Client(Host());
        await client.GetAsync("/admin/login");

        // Unix file modes exist only there; elsewhere the folder inherits the parent's ACL.
        if (OperatingSystem.IsLinux())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(_keys));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(_database));
        }
    }

    private TradeAlertBotFactory Host(Dictionary<string, string>? settings = null, IPAddress? remoteIp = null)
    {
        var all = new Dictionary<string, string> { ["Admin:Token"] = Token, ["DataProtection:KeysPath"] = _keys };
        foreach (var (key, value) in settings ?? [])
        {
            all[key] = value;
        }

        var host = new TradeAlertBotFactory(_database, settings: all, services: remoteIp is null
            ? null
            : s => s.AddSingleton<IStartupFilter>(new RemoteAddress(remoteIp)));
        _hosts.Add(host);
        return host;
    }

    private static HttpClient Client(TradeAlertBotFactory host, bool handleCookies = true) =>
        host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = handleCookies });

    // A new host on the same database and keys, as after a restart.
    private async Task<TradeAlertBotFactory> RestartAsync(TradeAlertBotFactory before, Dictionary<string, string>? settings = null)
    {
        await before.DisposeAsync();
        _hosts.Remove(before);
        return Host(settings);
    }

    private static async Task<HttpResponseMessage> SignOutAsync(HttpClient browser)
    {
        var page = await (await browser.GetAsync("/admin")).Content.ReadAsStringAsync();
        return await browser.PostAsync("/admin/logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__af"] = AdminForms.AntiforgeryToken(page) }));
    }

    private static string SessionCookie(HttpResponseMessage signIn)
    {
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var header = Assert.Single(signIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("tab_admin=", StringComparison.Ordinal));
        return header.Split(';')[0];
    }

    private static Task<HttpResponseMessage> GetWithCookieAsync(HttpClient client, string cookie)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/admin");
        request.Headers.Add("Cookie", cookie);
        return client.SendAsync(request);
    }


    // The test server has no socket; this stands in for the address the connection would come from.
    private sealed class RemoteAddress(IPAddress address) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((http, then) =>
            {
                http.Connection.RemoteIpAddress = address;
                return then(http);
            });
            next(app);
        };
    }
}
