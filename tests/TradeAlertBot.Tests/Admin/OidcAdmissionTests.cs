using System.Security.Claims;
using TradeAlertBot.Admin;

namespace TradeAlertBot.Tests.Admin;

public sealed class OidcAdmissionTests
{
    [Theory]
    [InlineData("allowed domain", "alice@example.com", true)]
    [InlineData("allowed domain in capitals", "Alice@EXAMPLE.COM", true)]
    [InlineData("other domain", "alice@example.org", false)]
    [InlineData("allowed domain as a subdomain's suffix", "alice@evil-example.com", false)]
    [InlineData("allowed domain inside the local part", "example.com@evil.test", false)]
    [InlineData("no e-mail", "", false)]
    public void The_domain_rule_admits_exactly_the_listed_domains(string _, string email, bool admitted)
    {
        var options = new AdminOidcOptions { AllowedDomains = ["example.com"] };

        Assert.Equal(admitted, OidcAdmission.Judge(User(email), options).Admitted);
    }

    [Fact]
    public void With_both_rules_set_a_person_needs_an_allowed_domain_and_an_allowed_group()
    {
        var options = new AdminOidcOptions { AllowedDomains = ["example.com"], AllowedGroups = ["trade-admins"] };

        Assert.True(OidcAdmission.Judge(User("a@example.com", "staff", "trade-admins"), options).Admitted);
        Assert.False(OidcAdmission.Judge(User("a@example.com", "staff"), options).Admitted);
        Assert.False(OidcAdmission.Judge(User("a@example.org", "trade-admins"), options).Admitted);
    }

    [Fact]
    public void An_address_the_provider_has_not_verified_is_refused()
    {
        var user = User("alice@example.com");
        ((ClaimsIdentity)user.Identity!).AddClaim(new Claim("email_verified", "false"));

        var admission = OidcAdmission.Judge(user, new AdminOidcOptions { AllowedDomains = ["example.com"] });

        Assert.False(admission.Admitted);
        Assert.Equal("alice@example.com", admission.Identity);
        Assert.Contains("not verified", admission.Refusal);
    }

    [Fact]
    public void Group_values_are_compared_exactly()
    {
        var options = new AdminOidcOptions { AllowedGroups = ["Trade-Admins"] };

        Assert.False(OidcAdmission.Judge(User("a@b.example", "trade-admins"), options).Admitted);
    }

    private static ClaimsPrincipal User(string email, params string[] groups) => new(new ClaimsIdentity(
        [new Claim("sub", "s-1"), .. email.Length > 0 ? [new Claim("email", email)] : Array.Empty<Claim>(), .. groups.Select(g => new Claim("groups", g))],
        "test"));
}
