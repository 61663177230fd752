using Microsoft.Playwright;
using TradeAlertBot.IntegrationTests.Specs;
using TradeAlertBot.Storage.Entities;
using static Microsoft.Playwright.Assertions;

namespace TradeAlertBot.IntegrationTests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class OverviewBrowserSpecs(Chromium chromium)
{
    [Fact]
    public async Task The_overview_shows_health_the_alerts_chart_and_the_last_alerts()
    {
        await using var site = await ConsoleSite.StartAsync(chromium);
        var categories = new[] { "new-tariffs", "sanctions", "export-controls", "anti-dumping" };
        // More news lately than a month ago, as after a policy announcement: the chart's bars grow towards today.
        for (var i = 0; i < 40; i++)
        {
            var story = await ConsoleSeed.AddStoryAsync(
                site.Host, $"Trade story {i}: duties on steel and chips", "", Math.Sqrt(i) * 4.6, categories[i % 4], categories[(i * 3 + 1) % 4]);
            if (i % 3 == 0)
            {
                await ConsoleSeed.AddSentAsync(site.Host, story, $"#desk-{i % 2}", TimeSpan.FromSeconds(4 + i));
            }
        }

        await site.Host.WithDbAsync(async db =>
        {
            db.Destinations.Add(new Destination { Kind = "slack", Address = "C0ARCHIVED", Name = "#old-desk", Paused = true, PausedReason = "channel archived" });
            return await db.SaveChangesAsync();
        });
        var page = site.Page;

        await site.SignInAsync();

        await Expect(page.GetByRole(AriaRole.Img, new() { Name = "Alerts per category per day" })).ToBeVisibleAsync();
        await Expect(page.GetByText("#old-desk")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Trade story 0: duties on steel and chips" })).ToBeVisibleAsync();
        await site.ScreenshotAsync("overview");
    }
}
