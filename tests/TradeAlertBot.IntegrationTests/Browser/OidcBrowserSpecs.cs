using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using TradeAlertBot.Storage.Entities;
using TradeAlertBot.TestFakes;

namespace TradeAlertBot.IntegrationTests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class OidcBrowserSpecs(Chromium chromium)
{
    [Fact]
    public async Task An_admin_signs_in_with_the_organisations_provider_and_the_audit_log_names_them()
    {
        // The browser meets the provider as "localhost", another site than the app on 127.0.0.1, as a real provider
        // is, and leaves it from the provider's own page: the way back must not lose the SameSite=Strict admin cookie.
        await using var provider = await FakeOidcProvider.StartAsync(authorizeHost: "localhost");
        provider.User = FakeOidcUser.Named("alice@example.com", "trade-admins");
        provider.ShowsSignInPage = true;
        await using var site = await ConsoleSite.StartAsync(chromium, new Dictionary<string, string>
        {
            ["Admin:Oidc:Authority"] = provider.Authority,
            ["Admin:Oidc:ClientId"] = provider.ClientId,
            ["Admin:Oidc:ClientSecret"] = provider.ClientSecret,
            ["Admin:Oidc:DisplayName"] = "Example SSO",
            ["Admin:Oidc:AllowedDomains:0"] = "example.com",
        });
        var page = site.Page;

        await page.GotoAsync("/admin");
        await site.ScreenshotAsync("sign-in-oidc");
        await page.GetByRole(AriaRole.Link, new() { Name = "Sign in with Example SSO" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();

        await page.GetByRole(AriaRole.Heading, new() { Name = "Overview" }).WaitForAsync();
        Assert.Equal(site.BaseUrl + "/admin", page.Url);
        Assert.Equal(1, provider.TokensIssued);
        var actor = await site.Host.WithDbAsync(db => db.AuditLog.Where(e => e.Action == AuditAction.SignIn).Select(e => e.Actor).SingleAsync());
        Assert.StartsWith("web:alice@example.com/", actor);
    }

    [Fact]
    public async Task Someone_the_console_does_not_admit_sees_why_on_the_sign_in_page()
    {
        await using var provider = await FakeOidcProvider.StartAsync(authorizeHost: "localhost");
        provider.User = FakeOidcUser.Named("mallory@example.org");
        await using var site = await ConsoleSite.StartAsync(chromium, new Dictionary<string, string>
        {
            ["Admin:Oidc:Authority"] = provider.Authority,
            ["Admin:Oidc:ClientId"] = provider.ClientId,
            ["Admin:Oidc:ClientSecret"] = provider.ClientSecret,
            ["Admin:Oidc:DisplayName"] = "Example SSO",
            ["Admin:Oidc:AllowedDomains:0"] = "example.com",
        });
        var page = site.Page;

        await page.GotoAsync("/admin/login");
        await page.GetByRole(AriaRole.Link, new() { Name = "Sign in with Example SSO" }).ClickAsync();

        var alert = page.GetByRole(AriaRole.Alert);
        await alert.WaitForAsync();
        Assert.Contains("that account may not use this console", await alert.TextContentAsync());
    }
}
