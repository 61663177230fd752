using Microsoft.Playwright;

namespace TradeAlertBot.IntegrationTests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class SignInBrowserSpecs(Chromium chromium)
{
    [Fact]
    public async Task An_admin_signs_in_with_the_token_and_a_wrong_token_is_refused_with_a_message()
    {
        await using var site = await ConsoleSite.StartAsync(chromium);
        var page = site.Page;

        await page.GotoAsync("/admin");
        Assert.EndsWith("/admin/login?ReturnUrl=%2Fadmin", page.Url, StringComparison.Ordinal);
        await site.ScreenshotAsync("sign-in");
        await page.GetByLabel("Admin token").FillAsync("not-the-token");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        Assert.Equal("That is not the admin token.", await page.GetByRole(AriaRole.Alert).TextContentAsync());

        await site.SignInAsync();
        Assert.Equal(site.BaseUrl + "/admin", page.Url);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.GetByLabel("Admin token").WaitForAsync();
    }
}
