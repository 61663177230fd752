using System.Net;
using System.Text.RegularExpressions;
using Hangfire;
using Hangfire.States;
using Microsoft.AspNetCore.Mvc.Testing;
using TradeAlertBot.Jobs;
using TradeAlertBot.Web;

namespace TradeAlertBot.IntegrationTests.Specs;

/// <summary>Hangfire's dashboard at /admin/jobs: only for a signed-in admin, rendered under the site's security headers, read-only unless allowed.</summary>
public sealed partial class JobsDashboardSpecs : IAsyncLifetime
{
    private const string Token = "correct-horse-battery-staple";
    private readonly string _keys = Path.Combine(Path.GetTempPath(), $"tab-keys-{Guid.NewGuid():n}");
    private readonly List<(TradeAlertBotFactory Host, string Database)> _hosts = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var (host, database) in _hosts)
        {
            await host.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(database);
        }

        if (Directory.Exists(_keys))
        {
            Directory.Delete(_keys, recursive: true);
        }
    }

    private TradeAlertBotFactory Host(Dictionary<string, string>? settings = null)
    {
        var all = new Dictionary<string, string>(settings ?? new() { ["Admin:Token"] = Token }) { ["DataProtection:KeysPath"] = _keys };
        var database = TradeAlertBotFactory.NewDatabasePath();
        var host = new TradeAlertBotFactory(database, settings: all);
        _hosts.Add((host, database));
        return host;
    }

    private static HttpClient Browser(TradeAlertBotFactory host) =>
        host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    private static async Task SignInAsync(HttpClient browser)
    {
        var signIn = await AdminForms.SignInAsync(browser, Token);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
    }

    [Fact]
    public async Task Without_signing_in_I_am_sent_to_the_sign_in_form()
    {
        using var browser = Browser(Host());

        var response = await browser.GetAsync("/admin/jobs");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/admin/login", response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/admin/jobs/js18251234")).StatusCode);
    }

    [Fact]
    public async Task Without_the_admin_page_there_is_no_dashboard()
    {
        using var browser = Browser(Host(new()));

        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync("/admin/jobs")).StatusCode);
    }

    [Fact]
    public async Task Signed_in_I_see_the_dashboard_with_its_scripts_and_styles_under_the_site_security_headers()
    {
        using var browser = Browser(Host());
        await SignInAsync(browser);

        var response = await browser.GetAsync("/admin/jobs");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(SecurityHeaders.ContentSecurityPolicy, response.Headers.GetValues("Content-Security-Policy").Single());
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("TradeAlertBot jobs", html);
        // 'self' only: every script is a file under /admin/jobs, none inline.
        Assert.DoesNotMatch(InlineScript(), html);
        var script = ScriptSource().Match(html).Groups[1].Value;
        var style = StyleSource().Match(html).Groups[1].Value;
        Assert.StartsWith("/admin/jobs/", script);
        Assert.StartsWith("/admin/jobs/", style);
        var js = await browser.GetAsync(WebUtility.HtmlDecode(script));
        Assert.Equal(HttpStatusCode.OK, js.StatusCode);
        Assert.Contains("javascript", js.Content.Headers.ContentType!.MediaType);
        Assert.True((await js.Content.ReadAsByteArrayAsync()).Length > 1000);
        var css = await browser.GetAsync(WebUtility.HtmlDecode(style));
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.Equal("text/css", css.Content.Headers.ContentType!.MediaType);
        Assert.Contains("href=\"/admin/jobs\"", await (await browser.GetAsync("/admin")).Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_dashboard_deletes_a_job_only_when_the_setting_allows_it(bool writable)
    {
        var host = Host(new() { ["Admin:Token"] = Token, ["Admin:JobsDashboardWritable"] = writable ? "true" : "false" });
        using var browser = Browser(host);
        await SignInAsync(browser);
        var job = host.Services.GetRequiredService<IBackgroundJobClient>()
            .Schedule<DispatchFeedsJob>(j => j.RunAsync(CancellationToken.None), TimeSpan.FromDays(1));
        var page = await (await browser.GetAsync($"/admin/jobs/jobs/details/{job}")).Content.ReadAsStringAsync();

        var delete = new HttpRequestMessage(HttpMethod.Post, $"/admin/jobs/jobs/actions/delete/{job}") { Content = new FormUrlEncodedContent([]) };
        var antiforgery = DashboardAntiforgery().Match(page);
        Assert.True(antiforgery.Success, "no antiforgery token in the dashboard page");
        delete.Headers.Add(WebUtility.HtmlDecode(antiforgery.Groups[1].Value), WebUtility.HtmlDecode(antiforgery.Groups[2].Value));
        var response = await browser.SendAsync(delete);

        var state = host.Services.GetRequiredService<JobStorage>().GetMonitoringApi().JobDetails(job).History[0].StateName;
        Assert.Equal(writable, page.Contains($"/admin/jobs/jobs/actions/delete/{job}", StringComparison.Ordinal)); // the button
        if (writable)
        {
            Assert.True(response.IsSuccessStatusCode, $"delete answered {response.StatusCode}");
            Assert.Equal(DeletedState.StateName, state);
        }
        else
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal(ScheduledState.StateName, state);
        }
    }


    [GeneratedRegex("<meta name=\"csrf-header\" content=\"([^\"]+)\">\\s*<meta name=\"csrf-token\" content=\"([^\"]+)\">")]
    private static partial Regex DashboardAntiforgery();

    [GeneratedRegex("<script(?![^>]*\\bsrc=)[^>]*>")]
    private static partial Regex InlineScript();

    [GeneratedRegex("<script[^>]*\\bsrc=\"([^\"]+)\"")]
    private static partial Regex ScriptSource();

    [GeneratedRegex("<link rel=\"stylesheet\" href=\"([^\"]+)\"")]
    private static partial Regex StyleSource();
}
