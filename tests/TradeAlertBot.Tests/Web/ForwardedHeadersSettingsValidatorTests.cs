using TradeAlertBot.Web;

namespace TradeAlertBot.Tests.Web;

public sealed class ForwardedHeadersSettingsValidatorTests
{
    private static readonly ForwardedHeadersSettingsValidator Validator = new();

    [Fact]
    public void Addresses_and_networks_that_parse_are_accepted()
    {
        var settings = new ForwardedHeadersSettings { Enabled = true, KnownProxies = ["10.0.0.5", "::1"], KnownNetworks = ["10.0.0.0/8"] };

        Assert.True(Validator.Validate(null, settings).Succeeded);
        Assert.Equal(2, settings.ProxyAddresses().Count());
        Assert.Single(settings.ProxyNetworks());
    }

    [Theory]
    [InlineData("proxy.internal", null, "ForwardedHeaders:KnownProxies 'proxy.internal' is not an IP address")]
    [InlineData(null, "10.0.0.0", "ForwardedHeaders:KnownNetworks '10.0.0.0' is not a CIDR network")]
    public void A_mistyped_proxy_is_refused_naming_the_setting(string? proxy, string? network, string message)
    {
        var settings = new ForwardedHeadersSettings
        {
            KnownProxies = proxy is null ? [] : [proxy],
            KnownNetworks = network is null ? [] : [network],
        };

        var result = Validator.Validate(null, settings);

        Assert.True(result.Failed);
        Assert.Contains(message, result.FailureMessage);
    }
}
