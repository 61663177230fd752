using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using TradeAlertBot.Teams;
using TradeAlertBot.Teams.Auth;
using TradeAlertBot.TestFakes;

namespace TradeAlertBot.Teams.Tests.Auth;

public sealed class TeamsTokenValidatorTests : IAsyncLifetime
{
    private const string ServiceUrl = FakeBotIdentity.DefaultServiceUrl;
    private const string TenantId = "4a1c7d5e-0000-4000-8000-00000000a11e";

    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private readonly ServiceProvider _services = new ServiceCollection().AddHttpClient().BuildServiceProvider();
    private FakeBotIdentity _fake = null!;

    public async Task InitializeAsync()
    {
        _fake = await FakeBotIdentity.StartAsync();
        _fake.Clock = _time;
    }

    public async Task DisposeAsync()
    {
        await _fake.DisposeAsync();
        await _services.DisposeAsync();
    }

    [Fact]
    public async Task A_channel_token_signed_with_an_endorsed_key_is_accepted()
    {
        var result = await Validator().ValidateAsync($"Bearer {_fake.MintToken()}", "msteams", ServiceUrl, default);

        Assert.True(result.IsValid, result.Reason);
        Assert.Equal(ServiceUrl, result.Identity!.FindFirst("serviceurl")!.Value);
    }

    [Theory]
    [InlineData("wrong issuer", "issuer")]
    [InlineData("wrong audience", "audience")]
    [InlineData("expired beyond the 5-minute skew", "expired")]
    [InlineData("not valid for another 6 minutes", "not yet valid")]
    [InlineData("signed with an unpublished key", "not published")]
    [InlineData("unsigned, alg none", "algorithm 'none'")]
    [InlineData("payload swapped under a valid signature", "signature is invalid")]
    [InlineData("signed with a key endorsed for no channel", "not endorsed")]
    [InlineData("for another serviceUrl", "serviceurl")]
    [InlineData("without a serviceurl claim", "serviceurl")]
    public async Task A_bad_token_is_refused_with_a_reason(string @case, string reason)
    {
        var now = _time.GetUtcNow();
        var token = @case switch
        {
            "wrong issuer" => _fake.MintToken(issuer: "https://evil.example.com"),
            "wrong audience" => _fake.MintToken(audience: "someone-elses-app"),
            "expired beyond the 5-minute skew" => _fake.MintToken(notBefore: now.AddHours(-1), expires: now.AddMinutes(-6)),
            "not valid for another 6 minutes" => _fake.MintToken(notBefore: now.AddMinutes(6), expires: now.AddHours(1)),
            "signed with an unpublished key" => _fake.MintTokenWithUnknownKey(),
            "unsigned, alg none" => _fake.MintUnsignedToken(),
            "payload swapped under a valid signature" => Splice(_fake.MintToken(), _fake.MintToken(serviceUrl: "https://attacker.example.com/")),
            "signed with a key endorsed for no channel" => _fake.MintToken(kid: _fake.AddSigningKey([])),
            "for another serviceUrl" => _fake.MintToken(serviceUrl: "https://attacker.example.com/teams/"),
            "without a serviceurl claim" => _fake.MintToken(serviceUrl: null),
            _ => throw new ArgumentOutOfRangeException(nameof(@case)),
        };

        var result = await Validator().ValidateAsync($"Bearer {token}", "msteams", ServiceUrl, default);

        Assert.False(result.IsValid);
        Assert.Null(result.Identity);
        Assert.Contains(reason, result.Reason, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Bearer")]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData("Bearer not-a-jwt")]
    [InlineData("Bearer eyJhbGciOiJSUzI1NiJ9.eyJhIjoxfQ.c2ln.extra")]
    public async Task A_missing_or_garbage_header_is_refused(string? header)
    {
        var result = await Validator().ValidateAsync(header, "msteams", ServiceUrl, default);

        Assert.False(result.IsValid);
        Assert.False(string.IsNullOrEmpty(result.Reason));
    }

    [Fact]
    public async Task A_token_expired_within_the_5_minute_skew_is_accepted()
    {
        var now = _time.GetUtcNow();
        var token = _fake.MintToken(notBefore: now.AddHours(-1), expires: now.AddMinutes(-4));

        var result = await Validator().ValidateAsync($"Bearer {token}", "msteams", ServiceUrl, default);

        Assert.True(result.IsValid, result.Reason);
    }

    [Fact]
    public async Task A_key_endorsed_for_msteams_does_not_authenticate_another_channel()
    {
        var result = await Validator().ValidateAsync($"Bearer {_fake.MintToken()}", "webchat", ServiceUrl, default);

        Assert.False(result.IsValid);
        Assert.Contains("not endorsed for channel 'webchat'", result.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://SMBA.trafficmanager.net/teams/")]
    [InlineData("https://smba.trafficmanager.net/teams")]
    public async Task The_serviceUrl_is_compared_ignoring_case_and_a_trailing_slash(string activityServiceUrl)
    {
        var result = await Validator().ValidateAsync($"Bearer {_fake.MintToken()}", "msteams", activityServiceUrl, default);

        Assert.True(result.IsValid, result.Reason);
    }

    [Fact]
    public async Task A_rotated_key_is_fetched_once_the_5_minute_refresh_limit_has_passed()
    {
        var validator = Validator();
        Assert.True((await validator.ValidateAsync($"Bearer {_fake.MintToken()}", "msteams", ServiceUrl, default)).IsValid);
        var rotated = _fake.AddSigningKey(["msteams"]);
        var token = _fake.MintToken(kid: rotated);

        var tooSoon = await validator.ValidateAsync($"Bearer {token}", "msteams", ServiceUrl, default);
        _time.Advance(TimeSpan.FromMinutes(5));
        var later = await validator.ValidateAsync($"Bearer {token}", "msteams", ServiceUrl, default);

        Assert.False(tooSoon.IsValid);
        Assert.True(later.IsValid, later.Reason);
        Assert.Equal(2, _fake.JwksRequests);
    }

    [Fact]
    public async Task Keys_are_refetched_after_24_hours_so_a_withdrawn_key_stops_working()
    {
        var validator = Validator();
        var withdrawn = _fake.AddSigningKey(["msteams"]);
        Assert.True((await validator.ValidateAsync($"Bearer {_fake.MintToken(kid: withdrawn)}", "msteams", ServiceUrl, default)).IsValid);
        _fake.WithdrawSigningKey(withdrawn);

        _time.Advance(TimeSpan.FromHours(24));
        var result = await validator.ValidateAsync($"Bearer {_fake.MintToken(kid: withdrawn)}", "msteams", ServiceUrl, default);

        Assert.False(result.IsValid);
        Assert.Equal(2, _fake.JwksRequests);
    }

    [Fact]
    public async Task Valid_tokens_within_24_hours_are_checked_without_refetching_keys()
    {
        var validator = Validator();

        for (var i = 0; i < 3; i++)
        {
            _time.Advance(TimeSpan.FromHours(7));
            Assert.True((await validator.ValidateAsync($"Bearer {_fake.MintToken()}", "msteams", ServiceUrl, default)).IsValid);
        }

        Assert.Equal(1, _fake.JwksRequests);
    }

    [Theory]
    [InlineData("SingleTenant", "https://sts.windows.net/{0}/", true)]
    [InlineData("SingleTenant", "https://login.microsoftonline.com/{0}/v2.0", true)]
    [InlineData("SingleTenant", "https://sts.windows.net/some-other-tenant/", false)]
    [InlineData("MultiTenant", "https://sts.windows.net/{0}/", false)]
    [InlineData("MultiTenant", "https://login.microsoftonline.com/{0}/v2.0", false)]
    public async Task Tenant_issuers_are_accepted_only_for_a_single_tenant_bot(string appType, string issuerFormat, bool accepted)
    {
        var validator = Validator(o =>
        {
            o.AppType = appType;
            o.TenantId = TenantId;
        });
        var token = _fake.MintToken(issuer: string.Format(System.Globalization.CultureInfo.InvariantCulture, issuerFormat, TenantId));

        var result = await validator.ValidateAsync($"Bearer {token}", "msteams", ServiceUrl, default);

        Assert.Equal(accepted, result.IsValid);
    }

    [Theory]
    [InlineData("listed activity tenant", null, TenantId, true)]
    [InlineData("listed token tid", TenantId, null, true)]
    [InlineData("unlisted activity tenant", null, "other-tenant", false)]
    [InlineData("unlisted token tid", "other-tenant", TenantId, false)]
    [InlineData("no tenant at all", null, null, false)]
    public async Task AllowedTenants_admits_only_listed_tenants(string @case, string? tokenTenant, string? activityTenant, bool accepted)
    {
        var validator = Validator(o => o.AllowedTenants = [TenantId]);
        var token = _fake.MintToken(tenantId: tokenTenant);

        var result = await validator.ValidateAsync($"Bearer {token}", "msteams", ServiceUrl, activityTenant, default);

        Assert.True(accepted == result.IsValid, $"{@case}: {result.Reason}");
    }

    [Fact]
    public async Task Without_AllowedTenants_any_tenant_is_admitted()
    {
        var result = await Validator().ValidateAsync(
            $"Bearer {_fake.MintToken(tenantId: "anyone")}", "msteams", ServiceUrl, "anyone", default);

        Assert.True(result.IsValid, result.Reason);
    }

    [Fact]
    public async Task Unreachable_metadata_refuses_the_token_instead_of_throwing()
    {
        var token = _fake.MintToken();
        var validator = Validator(o => o.OpenIdMetadataUrl = new Uri("http://127.0.0.1:1/v1/.well-known/openidconfiguration"));

        var result = await validator.ValidateAsync($"Bearer {token}", "msteams", ServiceUrl, default);

        Assert.False(result.IsValid);
        Assert.Contains("unavailable", result.Reason, StringComparison.Ordinal);
    }

    // Header and signature of one token around the payload of another: a forgery with a published kid.
    private static string Splice(string signed, string other)
    {
        var parts = signed.Split('.');
        return $"{parts[0]}.{other.Split('.')[1]}.{parts[2]}";
    }

    private TeamsTokenValidator Validator(Action<TeamsOptions>? configure = null)
    {
        var options = new TeamsOptions { AppId = _fake.AppId, OpenIdMetadataUrl = _fake.OpenIdMetadataUrl };
        configure?.Invoke(options);
        return new TeamsTokenValidator(
            Options.Create(options), _services.GetRequiredService<IHttpClientFactory>(), _time,
            NullLogger<TeamsTokenValidator>.Instance);
    }
}
