using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace TradeAlertBot.BrowserTests;

/// <summary>
/// Spike: Microsoft.Playwright drives Debian's /usr/bin/chromium headless (no browser download)
/// against a page served by Kestrel on 127.0.0.1 inside the test.
/// </summary>
public sealed class ChromiumSpikeTests(ITestOutputHelper output)
{
    private const string ChromiumPath = "/usr/bin/chromium";

    private const string FormPage = """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>Spike</title></head>
        <body>
          <form method="post" action="/greet">
            <label for="name">Your name</label>
            <input id="name" name="name" type="text">
            <button type="submit">Say hello</button>
          </form>
        </body></html>
        """;

    [Fact]
    public async Task Form_is_filled_by_label_and_submitted_by_button_role()
    {
        Assert.True(File.Exists(ChromiumPath), $"{ChromiumPath} is missing: apt-get install chromium");

        await using var app = await StartSiteAsync();
        var baseUrl = app.Urls.Single(); // the bound address, port included, once started

        var clock = Stopwatch.StartNew();
        using var playwright = await Playwright.CreateAsync();
        var driverMs = clock.ElapsedMilliseconds;
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            // No Args needed as root: ChromiumSandbox defaults to false, so Playwright passes --no-sandbox itself.
        });
        var launchMs = clock.ElapsedMilliseconds - driverMs;
        output.WriteLine($"driver start {driverMs} ms, chromium launch {launchMs} ms, version {browser.Version}");

        var page = await browser.NewPageAsync();
        await page.GotoAsync(baseUrl + "/");
        await page.GetByLabel("Your name").FillAsync("Ada");
        await page.GetByRole(AriaRole.Button, new() { Name = "Say hello" }).ClickAsync();

        var greeting = page.GetByRole(AriaRole.Heading, new() { Name = "Hello, Ada!" });
        await greeting.WaitForAsync(new() { Timeout = 10_000 });
        Assert.Equal("Hello, Ada!", await greeting.TextContentAsync());

        var shotDir = Directory.CreateTempSubdirectory("tab-browser-");
        var shot = Path.Combine(shotDir.FullName, "greeting.png");
        await page.ScreenshotAsync(new() { Path = shot, FullPage = true });
        Assert.True(new FileInfo(shot).Length > 0);
        output.WriteLine($"screenshot {shot}; total {clock.ElapsedMilliseconds} ms");
    }

    private static async Task<WebApplication> StartSiteAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapGet("/", () => Results.Content(FormPage, "text/html"));
        app.MapPost("/greet", async (HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            var name = System.Net.WebUtility.HtmlEncode(form["name"].ToString());
            return Results.Content(
                $"<!doctype html><html lang=\"en\"><head><title>Greeting</title></head><body><h1>Hello, {name}!</h1></body></html>",
                "text/html");
        });
        await app.StartAsync();
        return app;
    }
}
