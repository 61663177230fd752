using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using TradeAlertBot.Storage.Entities;

namespace TradeAlertBot.IntegrationTests.Browser;

/// <summary>The console's feeds, destinations, deliveries and audit pages in a real browser, found by label and role.</summary>
[Collection(BrowserCollection.Name)]
public sealed class OpsBrowserSpecs(Chromium chromium)
{
    [Fact]
    public async Task A_private_address_feed_is_refused_with_the_guards_message_and_nothing_is_stored()
    {
        await using var site = await ConsoleSite.StartAsync(chromium);
        await OpsData.AddFeedAsync(site.Host, "http://127.0.0.1:9/trade-wire.xml", "Trade Wire", items: 5);
        await site.SignInAsync();
        var page = site.Page;

        await page.GotoAsync("/admin/feeds");
        await site.ScreenshotAsync("feeds");
        await page.GetByLabel("Feed URL").FillAsync("http://10.0.0.1/feed.xml");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add feed" }).ClickAsync();

        Assert.StartsWith("That URL is refused", await page.GetByRole(AriaRole.Alert).TextContentAsync());
        Assert.Equal(1, await site.Host.WithDbAsync(db => db.Feeds.CountAsync()));
        Assert.NotNull(await page.GetByRole(AriaRole.Img, new() { NameRegex = new("^Trade Wire: 5 item\\(s\\) in 14 days") }).ElementHandleAsync());
    }

    [Fact]
    public async Task A_hostile_feed_title_and_story_title_are_shown_as_text_and_run_nothing()
    {
        const string hostile = "<img src=x onerror=\"window.__pwned=1;alert(1)\">";
        await using var site = await ConsoleSite.StartAsync(chromium);
        await OpsData.AddFeedAsync(site.Host, "http://127.0.0.1:9/hostile.xml", hostile, items: 0);
        await OpsData.AddDeliveryAsync(site.Host, hostile, DeliveryState.Dead, hostile);
        await site.SignInAsync();
        var page = site.Page;
        var dialogs = 0;
        page.Dialog += (_, dialog) => { dialogs++; _ = dialog.DismissAsync(); };

        await page.GotoAsync("/admin/feeds");
        Assert.Contains(hostile, await page.GetByRole(AriaRole.Cell).Filter(new() { HasText = "onerror=" }).First.TextContentAsync());
        Assert.Equal(0, await page.EvaluateAsync<int>("() => document.images.length"));
        await page.GotoAsync("/admin/deliveries");
        Assert.Equal(hostile, await page.GetByRole(AriaRole.Cell, new() { Name = hostile, Exact = true }).First.TextContentAsync());
        Assert.Equal(0, await page.EvaluateAsync<int>("() => document.images.length"));
        Assert.True(await page.EvaluateAsync<bool>("() => window.__pwned === undefined"));
        Assert.Equal(0, dialogs);
    }

    [Fact]
    public async Task Replaying_a_dead_delivery_or_the_selected_ones_takes_them_off_the_page_and_puts_them_back_to_pending()
    {
        await using var site = await ConsoleSite.StartAsync(chromium);
        var id = await OpsData.AddDeliveryAsync(site.Host, "US raises steel tariffs", DeliveryState.Dead, "slack: channel_not_found");
        var other = await OpsData.AddDeliveryAsync(site.Host, "EU widens safeguard on aluminium", DeliveryState.Failed, "slack: ratelimited (retry in 30 s)");
        await site.SignInAsync();
        var page = site.Page;

        await page.GotoAsync("/admin/deliveries");
        await site.ScreenshotAsync("deliveries");
        await page.GetByRole(AriaRole.Button, new() { Name = $"Replay delivery {id}" }).ClickAsync();

        await page.GetByRole(AriaRole.Status).Filter(new() { HasText = $"Delivery {id} goes out again" }).WaitForAsync();
        Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = $"Replay delivery {id}" }).CountAsync());
        Assert.Equal(DeliveryState.Pending, await site.Host.WithDbAsync(db => db.Deliveries.Where(d => d.Id == id).Select(d => d.State).SingleAsync()));

        await page.GetByLabel($"Select delivery {other}").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Replay selected" }).ClickAsync();
        await page.GetByText("No dead or failed deliveries").WaitForAsync();
        Assert.Equal(DeliveryState.Pending, await site.Host.WithDbAsync(db => db.Deliveries.Where(d => d.Id == other).Select(d => d.State).SingleAsync()));
    }

    [Fact]
    public async Task A_destination_resumed_on_the_web_shows_in_the_audit_log_under_the_web_actor()
    {
        await using var site = await ConsoleSite.StartAsync(chromium);
        await OpsData.AddDestinationAsync(site.Host);
        await OpsData.AddChatRuleEditAsync(site.Host);
        await site.SignInAsync();
        var page = site.Page;

        await page.GotoAsync("/admin/destinations");
        await page.GetByText("Change subscriptions and hold settings of test:C-TRADE-DESK").ClickAsync();
        await page.GetByLabel("Mute for").Last.WaitForAsync();
        await site.ScreenshotAsync("destinations");
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new("^Resume ") }).ClickAsync();
        await page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Resumed" }).WaitForAsync();
        await page.GotoAsync("/admin/audit");
        await page.GetByLabel("Action").SelectOptionAsync("resume");
        await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();

        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "destination test:C-TRADE-DESK" });
        Assert.Matches("^web:admin/[0-9A-F]{8}$", (await row.GetByRole(AriaRole.Cell).Nth(1).TextContentAsync())!.Trim());
        Assert.Equal("resume", (await row.GetByRole(AriaRole.Cell).Nth(2).TextContentAsync())!.Trim());
        await page.GetByLabel("Action").SelectOptionAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        await site.ScreenshotAsync("audit");
    }

    [Fact]
    public async Task The_opml_export_downloads_the_feeds_and_importing_it_elsewhere_adds_them()
    {
        await using var site = await ConsoleSite.StartAsync(chromium);
        await OpsData.AddFeedAsync(site.Host, "http://127.0.0.1:9/trade-wire.xml", "Trade Wire", items: 0);
        await OpsData.AddFeedAsync(site.Host, "http://127.0.0.1:9/customs.xml", "Customs notices", items: 0);
        await site.SignInAsync();
        await site.Page.GotoAsync("/admin/feeds");
        var download = await site.Page.RunAndWaitForDownloadAsync(() =>
            site.Page.GetByRole(AriaRole.Link, new() { Name = "Export the feed list as OPML" }).ClickAsync());
        var file = Path.Combine(Path.GetTempPath(), $"tab-feeds-{Guid.NewGuid():n}.opml");
        await download.SaveAsAsync(file);
        try
        {
            Assert.Contains("xmlUrl=\"http://127.0.0.1:9/customs.xml\"", await File.ReadAllTextAsync(file));

            await using var other = await ConsoleSite.StartAsync(chromium);
            await other.SignInAsync();
            await other.Page.GotoAsync("/admin/feeds");
            await other.Page.GetByLabel("OPML file to import").SetInputFilesAsync(file);
            await other.Page.GetByRole(AriaRole.Button, new() { Name = "Import OPML" }).ClickAsync();

            await other.Page.GetByRole(AriaRole.Heading, new() { Name = "Import: 2 of 2 added" }).WaitForAsync();
            Assert.Equal(["http://127.0.0.1:9/customs.xml", "http://127.0.0.1:9/trade-wire.xml"],
                await other.Host.WithDbAsync(db => db.Feeds.OrderBy(f => f.Url).Select(f => f.Url).ToListAsync()));
        }
        finally
        {
            File.Delete(file);
        }
    }
}
