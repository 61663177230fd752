using Microsoft.Playwright;

namespace TradeAlertBot.IntegrationTests.Browser;

/// <summary>The console on a phone: every page fits the screen's width (wide tables scroll inside their own box).</summary>
[Collection(BrowserCollection.Name)]
public sealed class PhoneBrowserSpecs(Chromium chromium)
{
    private static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    [Theory]
    [InlineData("/admin", "Overview")]
    [InlineData("/admin/rules", "Rules")]
    [InlineData("/admin/feeds", "Feeds")]
    [InlineData("/admin/destinations", "Destinations")]
    [InlineData("/admin/deliveries", "Deliveries")]
    [InlineData("/admin/audit", "Audit log")]
    [InlineData("/", null)]
    public async Task Each_page_fits_a_phone_screen_without_sideways_scrolling(string path, string? heading)
    {
        await using var site = await ConsoleSite.StartAsync(chromium, viewport: Phone);
        await site.SignInAsync();

        await site.Page.GotoAsync(path);
        if (heading is not null)
        {
            await site.Page.GetByRole(AriaRole.Heading, new() { Name = heading, Level = 1 }).WaitForAsync();
        }

        var overflow = await site.Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 1, $"{path} is {overflow} px wider than a {Phone.Width} px phone screen");
        if (path == "/admin")
        {
            await site.ScreenshotAsync("phone-overview");
        }
    }
}
