using Microsoft.Extensions.Options;

namespace TradeAlertBot.Teams.Tests;

public sealed class TeamsOptionsValidatorTests
{
    private static ValidateOptionsResult Validate(TeamsOptions options) => new TeamsOptionsValidator().Validate(null, options);

    [Fact]
    public void A_single_tenant_app_without_a_tenant_is_refused_naming_the_setting()
    {
        var result = Validate(new TeamsOptions { AppId = "app", AppPassword = "pw", AppType = "SingleTenant" });

        Assert.True(result.Failed);
        Assert.Contains("Teams:TenantId is required when Teams:AppType is SingleTenant", result.FailureMessage);
    }

    [Fact]
    public void An_app_without_a_secret_or_certificate_is_refused() =>
        Assert.Contains("Teams:AppPassword or Teams:CertificatePath", Validate(new TeamsOptions { AppId = "app" }).FailureMessage);

    [Fact]
    public void An_unknown_app_type_is_refused() =>
        Assert.Contains("Teams:AppType must be MultiTenant or SingleTenant", Validate(new TeamsOptions { AppType = "Single" }).FailureMessage);

    [Fact]
    public void A_plain_http_authority_is_refused_naming_the_setting() =>
        Assert.Contains("Teams:Authority must be an https URL", Validate(new TeamsOptions
        {
            AppId = "app", AppPassword = "pw", Authority = new Uri("http://127.0.0.1:5000/botframework.com"),
        }).FailureMessage);

    [Theory]
    [InlineData("no bot", null, null, "MultiTenant", null)]
    [InlineData("multi-tenant with a secret", "app", "pw", "MultiTenant", null)]
    [InlineData("single tenant with its tenant", "app", "pw", "SingleTenant", "tenant-1")]
    public void Complete_settings_are_accepted(string _, string? appId, string? password, string appType, string? tenant) =>
        Assert.True(Validate(new TeamsOptions { AppId = appId, AppPassword = password, AppType = appType, TenantId = tenant }).Succeeded);
}
