using TradeAlertBot.Admin;

namespace TradeAlertBot.Tests.Admin;

public sealed class AdminOptionsValidatorTests
{
    [Theory]
    [InlineData("https anywhere", "https://login.example.com/realms/staff", true)]
    [InlineData("http on 127.0.0.1", "http://127.0.0.1:5555", true)]
    [InlineData("http on localhost", "http://localhost:5555", true)]
    [InlineData("http on ::1", "http://[::1]:5555", true)]
    [InlineData("http elsewhere", "http://login.example.com", false)]
    [InlineData("not a URL", "login.example.com", false)]
    public void The_authority_must_be_https_unless_it_is_this_machine(string _, string authority, bool valid)
    {
        var options = new AdminOptions { Oidc = new() { Authority = authority, ClientId = "c", ClientSecret = "s", AllowedDomains = ["example.com"] } };

        Assert.Equal(valid, new AdminOptionsValidator().Validate(null, options).Succeeded);
    }

    [Fact]
    public void A_client_id_without_an_authority_is_a_mistake_not_a_silent_no()
    {
        var result = new AdminOptionsValidator().Validate(null, new AdminOptions { Oidc = new() { ClientId = "c" } });

        Assert.True(result.Failed);
        Assert.Contains("Admin:Oidc:Authority is not", result.FailureMessage);
    }

    [Fact]
    public void Metadata_over_http_is_allowed_only_for_a_loopback_authority()
    {
        Assert.False(new AdminOidcOptions { Authority = "http://127.0.0.1:1" }.RequireHttpsMetadata);
        Assert.True(new AdminOidcOptions { Authority = "https://login.example.com" }.RequireHttpsMetadata);
    }

    [Fact]
    public void The_console_is_on_with_a_token_or_a_provider()
    {
        Assert.False(new AdminOptions().Enabled);
        Assert.True(new AdminOptions { Token = "t" }.Enabled);
        Assert.True(new AdminOptions { Oidc = new() { Authority = "https://login.example.com" } }.Enabled);
    }
}
