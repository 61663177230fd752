using Microsoft.Playwright;
using TradeAlertBot.Deliveries;

namespace TradeAlertBot.IntegrationTests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class PublicPageBrowserSpecs(Chromium chromium)
{
    private const string Hostile = "<img src=x onerror=\"window.__pwned=1\">";

    [Fact]
    public async Task Filters_and_search_narrow_the_list_and_each_story_shows_its_outlets_and_effective_date()
    {
        await using var site = await ConsoleSite.StartAsync(chromium);
        await site.Host.WithDbAsync(async db =>
        {
            await StorySeed.AddAsync(db, "US raises steel tariffs on Vietnam", "new-tariffs", "VN", "1 Jun 2026", "Section 232 duties", "Wire One", "Trade Daily");
            await StorySeed.AddAsync(db, "EU opens anti-dumping probe into Chinese e-bikes", "trade-remedies", "CN", outlets: "Brussels Desk");
            return await StorySeed.AddAsync(db, "Japan lowers rice tariff quota", "new-tariffs", "JP", outlets: "Asia Markets");
        });
        var page = site.Page;
        var alerts = page.GetByRole(AriaRole.List, new() { Name = "Alerts" }).GetByRole(AriaRole.Listitem);

        await page.GotoAsync("/");
        Assert.Equal(3, await alerts.CountAsync());
        var steel = alerts.Filter(new() { HasText = "US raises steel tariffs" });
        Assert.Contains("Effective 1 Jun 2026", await steel.TextContentAsync());
        Assert.Equal(1, await steel.GetByRole(AriaRole.Link, new() { Name = "Trade Daily" }).CountAsync());
        await site.ScreenshotAsync("public-page");

        await page.GetByLabel("Category").SelectOptionAsync("new-tariffs");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show alerts" }).ClickAsync();
        await page.WaitForURLAsync("**/?category=new-tariffs**");
        Assert.Equal(2, await alerts.CountAsync());

        await page.GetByLabel("Country").SelectOptionAsync(new SelectOptionValue { Label = "Japan" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Show alerts" }).ClickAsync();
        await page.WaitForURLAsync("**country=JP**");
        Assert.Equal(["Japan lowers rice tariff quota"], await alerts.GetByRole(AriaRole.Heading).AllTextContentsAsync());

        await page.GotoAsync("/");
        await page.GetByLabel("Search").FillAsync("anti-dumping");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show alerts" }).ClickAsync();
        await page.WaitForURLAsync("**q=anti-dumping**");
        Assert.Equal(["EU opens anti-dumping probe into Chinese e-bikes"], await alerts.GetByRole(AriaRole.Heading).AllTextContentsAsync());
    }

    [Fact]
    public async Task A_new_alert_that_matches_the_filters_appears_without_reloading()
    {
        await using var site = await ConsoleSite.StartAsync(chromium);
        await site.Host.WithDbAsync(db => StorySeed.AddAsync(db, "Older tariff story", "new-tariffs", outlets: "Wire One"));
        var page = site.Page;
        var alerts = page.GetByRole(AriaRole.List, new() { Name = "Alerts" }).GetByRole(AriaRole.Listitem);
        await page.GotoAsync("/?category=new-tariffs");
        await WaitForLiveStreamAsync(site);

        var stream = site.Host.Services.GetRequiredService<AlertStream>();
        stream.Publish(StorySeed.AlertFor(9001, "Off-topic live alert", "export-controls"));
        stream.Publish(StorySeed.AlertFor(9002, "Live: Canada matches steel tariffs", "new-tariffs", "CA"));

        await alerts.First.GetByRole(AriaRole.Heading, new() { Name = "Live: Canada matches steel tariffs" }).WaitForAsync();
        Assert.Equal(2, await alerts.CountAsync());
        Assert.Equal(0, await alerts.Filter(new() { HasText = "Off-topic live alert" }).CountAsync());
    }

    [Fact]
    public async Task A_hostile_title_is_shown_as_text_and_runs_nothing_whether_stored_or_live()
    {
        await using var site = await ConsoleSite.StartAsync(chromium);
        await site.Host.WithDbAsync(db => StorySeed.AddAsync(db, Hostile, "new-tariffs", outlets: Hostile));
        var page = site.Page;
        await page.GotoAsync("/");
        await WaitForLiveStreamAsync(site);

        site.Host.Services.GetRequiredService<AlertStream>().Publish(StorySeed.AlertFor(9003, Hostile + " live", "new-tariffs"));

        await page.GetByRole(AriaRole.Heading, new() { Name = Hostile + " live" }).WaitForAsync();
        Assert.Equal(1, await page.GetByRole(AriaRole.Heading, new() { Name = Hostile, Exact = true }).CountAsync());
        Assert.Equal(0, await page.EvaluateAsync<int>("document.images.length"));
        Assert.True(await page.EvaluateAsync<bool>("typeof window.__pwned === 'undefined'"));
    }

    // The script subscribes once the page has loaded and says so; an alert published before that would reach nobody.
    private static Task WaitForLiveStreamAsync(ConsoleSite site) =>
        site.Page.GetByRole(AriaRole.Status).GetByText("Live: new alerts").WaitForAsync();
}
