using System.Net;

namespace TradeAlertBot.IntegrationTests.Specs;

/// <summary>Headers every page carries, and the cap on live event streams.</summary>
public sealed class WebPageSecuritySpecs : IAsyncLifetime
{
    private readonly string _database = TradeAlertBotFactory.NewDatabasePath();
    private TradeAlertBotFactory _host = null!;

    public Task InitializeAsync()
    {
        _host = new TradeAlertBotFactory(_database, settings: new Dictionary<string, string>
        {
            ["Admin:Token"] = "correct-horse-battery-staple",
            ["DataProtection:KeysPath"] = Path.Combine(Path.GetTempPath(), $"tab-keys-{Guid.NewGuid():n}"),
            ["Web:MaxEventStreams"] = "2",
        });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_database);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/admin/login")]
    [InlineData("/api/alerts")]
    [InlineData("/healthz")]
    public async Task Every_response_forbids_framing_sniffing_referrers_and_foreign_or_inline_script(string path)
    {
        var response = await _host.CreateClient().GetAsync(path);

        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp);
        Assert.Contains("style-src 'self'", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/admin/login")]
    public async Task Pages_have_no_inline_script_or_style_and_their_assets_are_served(string path)
    {
        var client = _host.CreateClient();
        var page = await client.GetStringAsync(path);

        Assert.DoesNotContain("<style", page);
        Assert.DoesNotContain("style=", page);
        Assert.DoesNotMatch("<script(?![^>]*\\ssrc=)", page);
        var assets = System.Text.RegularExpressions.Regex.Matches(page, "(?:href|src)=\"(/(?:css|js)/[^\"]+)\"");
        Assert.NotEmpty(assets);
        foreach (System.Text.RegularExpressions.Match asset in assets)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(asset.Groups[1].Value)).StatusCode);
        }
    }

    [Fact]
    public async Task Event_streams_beyond_the_cap_answer_503_and_a_closed_one_frees_its_slot()
    {
        var client = _host.CreateClient();
        using var first = await client.GetAsync("/events", HttpCompletionOption.ResponseHeadersRead);
        var second = await client.GetAsync("/events", HttpCompletionOption.ResponseHeadersRead);
        using var third = await client.GetAsync("/events", HttpCompletionOption.ResponseHeadersRead);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, third.StatusCode);

        second.Dispose();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        HttpResponseMessage again;
        while ((again = await client.GetAsync("/events", HttpCompletionOption.ResponseHeadersRead)).StatusCode != HttpStatusCode.OK
               && DateTime.UtcNow < deadline)
        {
            again.Dispose();
            await Task.Delay(100);
        }

        using (again)
        {
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        }
    }
}
