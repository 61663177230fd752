using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TradeAlertBot.Teams;
using TradeAlertBot.Teams.Auth;
using TradeAlertBot.TestFakes;

namespace TradeAlertBot.Teams.Tests.Auth;

public sealed class TeamsTokenProviderTests : IAsyncLifetime
{
    private FakeBotIdentity _fake = null!;
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        _fake = await FakeBotIdentity.StartAsync();
        var services = new ServiceCollection();
        services.AddHttpClient(TeamsOptions.AuthHttpClientName).ConfigurePrimaryHttpMessageHandler(_fake.CreateTrustingHandler);
        _services = services.BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _fake.DisposeAsync();
    }

    [Fact]
    public async Task A_token_is_fetched_once_and_then_served_from_the_cache()
    {
        var provider = Provider(o => o.AppPassword = _fake.AppPassword);

        var first = await provider.GetTokenAsync(default);
        var second = await provider.GetTokenAsync(default);

        Assert.Equal("fake-connector-token-botframework.com-1", first);
        Assert.Equal(first, second);
        Assert.Equal(1, _fake.TokenRequests);
    }

    [Fact]
    public async Task A_single_tenant_bot_asks_its_own_tenant()
    {
        var provider = Provider(o =>
        {
            o.AppPassword = _fake.AppPassword;
            o.Authority = _fake.Authority("4a1c7d5e-0000-4000-8000-00000000a11e");
        });

        var token = await provider.GetTokenAsync(default);

        Assert.StartsWith("fake-connector-token-4a1c7d5e-0000-4000-8000-00000000a11e-", token, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_secret_fails_with_a_credentials_error()
    {
        var provider = Provider(o => o.AppPassword = "not-the-secret");

        var error = await Assert.ThrowsAsync<TeamsTokenException>(() => provider.GetTokenAsync(default));

        Assert.Equal(TeamsTokenError.CredentialsRejected, error.Kind);
        Assert.Contains("invalid_client", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-secret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_certificate_authenticates_with_a_signed_client_assertion()
    {
        var pfx = Path.Combine(Path.GetTempPath(), $"teams-{Guid.NewGuid():N}.pfx");
        using var rsa = RSA.Create(2048);
        using var certificate = new CertificateRequest("CN=fake-bot", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            .CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        await File.WriteAllBytesAsync(pfx, certificate.Export(X509ContentType.Pfx, "pfx-password"));
        _fake.ClientCertificate = X509CertificateLoader.LoadCertificate(certificate.RawData);
        try
        {
            var provider = Provider(o =>
            {
                o.CertificatePath = pfx;
                o.CertificatePassword = "pfx-password";
            });

            Assert.StartsWith("fake-connector-token-", await provider.GetTokenAsync(default), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(pfx);
        }
    }

    [Fact]
    public void Missing_credentials_fail_at_construction()
    {
        var error = Assert.Throws<TeamsTokenException>(() => Provider(_ => { }));

        Assert.Equal(TeamsTokenError.NotConfigured, error.Kind);
    }

    [Fact]
    public void A_plain_http_authority_is_refused_at_construction_even_on_loopback()
    {
        var error = Assert.Throws<TeamsTokenException>(() => Provider(o =>
        {
            o.AppPassword = _fake.AppPassword;
            o.Authority = new Uri(_fake.BaseUrl, "botframework.com");
        }));

        Assert.Equal(TeamsTokenError.NotConfigured, error.Kind);
        Assert.Contains("https", error.Message, StringComparison.Ordinal);
    }

    private TeamsTokenProvider Provider(Action<TeamsOptions> configure)
    {
        var options = new TeamsOptions { AppId = _fake.AppId, Authority = _fake.Authority() };
        configure(options);
        return new TeamsTokenProvider(Options.Create(options), _services.GetRequiredService<IHttpClientFactory>());
    }
}
