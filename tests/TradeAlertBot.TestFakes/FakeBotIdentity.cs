using System.Collections.Concurrent;
using System.Net;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace TradeAlertBot.TestFakes;

/// <summary>
/// Bot Framework's identity endpoints on 127.0.0.1: OpenID metadata and a JWKS whose keys carry
/// <c>endorsements</c> (plain http, <see cref="BaseUrl"/>), and a client-credentials token endpoint
/// <c>/{tenant}/oauth2/v2.0/token</c> over https with a self-signed certificate (<see cref="HttpsBaseUrl"/>), because
/// MSAL refuses authorities that are not https. Mints activity tokens signed with its keys.
/// </summary>
public sealed class FakeBotIdentity : IAsyncDisposable
{
    public const string BotFrameworkIssuer = "https://api.botframework.com";
    public const string DefaultServiceUrl = "https://smba.trafficmanager.net/teams/";

    private readonly ConcurrentDictionary<string, FakeSigningKey> _keys = new();
    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };
    private WebApplication _app = null!;
    private int _tokenRequests;
    private int _keysTaken = 1; // position 0 of the key pool is the TLS certificate's key
    private int _jwksRequests;

    private FakeBotIdentity(string appId, string appPassword)
    {
        AppId = appId;
        AppPassword = appPassword;
        DefaultKeyId = AddSigningKey(["msteams"]);
    }

    public string AppId { get; }

    /// <summary>The client secret the token endpoint accepts.</summary>
    public string AppPassword { get; set; }

    /// <summary>When set, the token endpoint also accepts a client assertion signed with this certificate.</summary>
    public X509Certificate2? ClientCertificate { get; set; }

    /// <summary>Clock for minted tokens' default nbf/exp.</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    /// <summary>http://127.0.0.1:{port}/ — metadata and keys.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>https://127.0.0.1:{port}/ — the token endpoint, trusted through <see cref="CreateTrustingHandler"/>.</summary>
    public Uri HttpsBaseUrl { get; private set; } = null!;

    public X509Certificate2 TlsCertificate { get; } = CreateTlsCertificate();

    /// <summary>The value for <c>Teams:OpenIdMetadataUrl</c>.</summary>
    public Uri OpenIdMetadataUrl => new(BaseUrl, "v1/.well-known/openidconfiguration");

    /// <summary>A key endorsed for "msteams", published from the start.</summary>
    public string DefaultKeyId { get; }

    public int TokenRequests => Volatile.Read(ref _tokenRequests);
    public int JwksRequests => Volatile.Read(ref _jwksRequests);

    public static async Task<FakeBotIdentity> StartAsync(string appId = "fake-app-id", string appPassword = "fake-app-password")
    {
        var fake = new FakeBotIdentity(appId, appPassword);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrelHttpsConfiguration();
        builder.WebHost.UseKestrel(k =>
        {
            k.Listen(IPAddress.Loopback, 0);
            k.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(fake.TlsCertificate));
        });
        builder.Logging.ClearProviders();
        fake._app = builder.Build();
        fake.Map(fake._app);
        await fake._app.StartAsync();
        var addresses = fake._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        fake.BaseUrl = new Uri(addresses.Single(a => a.StartsWith("http:", StringComparison.Ordinal)) + "/");
        fake.HttpsBaseUrl = new Uri(addresses.Single(a => a.StartsWith("https:", StringComparison.Ordinal)) + "/");
        return fake;
    }

    /// <summary>The value for <c>Teams:Authority</c>: https://127.0.0.1:{port}/{tenant}.</summary>
    public Uri Authority(string tenant = "botframework.com") => new(HttpsBaseUrl, tenant);

    /// <summary>A handler that trusts this fake's self-signed certificate and nothing else.</summary>
    public HttpMessageHandler CreateTrustingHandler() => new HttpClientHandler
    {
        ServerCertificateCustomValidationCallback = (_, certificate, _, _) =>
            certificate is not null && certificate.Thumbprint == TlsCertificate.Thumbprint,
    };

    /// <summary>Publishes a new RSA key in the JWKS (empty <paramref name="endorsements"/>: endorsed for nothing).</summary>
    public string AddSigningKey(IEnumerable<string> endorsements)
    {
        var kid = $"fake-key-{Guid.NewGuid():N}";
        _keys[kid] = new FakeSigningKey(kid, NextKey(), [.. endorsements]);
        return kid;
    }

    /// <summary>Drops the key from the JWKS; it can still mint tokens, as a leaked or retired key would.</summary>
    public void WithdrawSigningKey(string kid) => _keys[kid].Published = false;

    /// <summary>An activity token as a Bot Framework channel would send it, signed with a published key.</summary>
    public string MintToken(
        string? audience = null, string issuer = BotFrameworkIssuer, string? serviceUrl = DefaultServiceUrl,
        DateTimeOffset? notBefore = null, DateTimeOffset? expires = null, string? kid = null, string? tenantId = null)
    {
        var key = _keys[kid ?? DefaultKeyId];
        return Mint(key.Credentials, audience, issuer, serviceUrl, notBefore, expires, tenantId);
    }

    /// <summary>A well-formed token signed with a key the JWKS does not publish.</summary>
    public string MintTokenWithUnknownKey(string? audience = null, string? serviceUrl = DefaultServiceUrl)
    {
        var stranger = new FakeSigningKey($"unknown-{Guid.NewGuid():N}", NextKey(), []);
        return Mint(stranger.Credentials, audience, BotFrameworkIssuer, serviceUrl, null, null, null);
    }

    /// <summary>A token with <c>alg: none</c> and no signature that otherwise names the default key.</summary>
    public string MintUnsignedToken(string? audience = null, string? serviceUrl = DefaultServiceUrl)
    {
        var signed = MintToken(audience, serviceUrl: serviceUrl);
        var header = Base64UrlEncoder.Encode($$"""{"alg":"none","kid":"{{DefaultKeyId}}","typ":"JWT"}""");
        return $"{header}.{signed.Split('.')[1]}.";
    }

    // Each key of this fake is a different pool position, so no two of its keys share material.
    private RSA NextKey() => RsaKeyPool.Get(Interlocked.Increment(ref _keysTaken) - 1);

    private string Mint(
        SigningCredentials credentials, string? audience, string issuer, string? serviceUrl,
        DateTimeOffset? notBefore, DateTimeOffset? expires, string? tenantId)
    {
        var now = Clock.GetUtcNow();
        var claims = new Dictionary<string, object>();
        if (serviceUrl is not null)
        {
            claims["serviceurl"] = serviceUrl;
        }

        if (tenantId is not null)
        {
            claims["tid"] = tenantId;
        }

        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience ?? AppId,
            NotBefore = (notBefore ?? now.AddMinutes(-1)).UtcDateTime,
            Expires = (expires ?? now.AddHours(1)).UtcDateTime,
            IssuedAt = (notBefore ?? now.AddMinutes(-1)).UtcDateTime,
            Claims = claims,
            SigningCredentials = credentials,
        });
    }

    private void Map(WebApplication app)
    {
        app.MapGet("/v1/.well-known/openidconfiguration", () => Results.Text(new JsonObject
        {
            ["issuer"] = BotFrameworkIssuer,
            ["authorization_endpoint"] = new Uri(BaseUrl, "v1/authorize").AbsoluteUri,
            ["jwks_uri"] = new Uri(BaseUrl, "v1/.well-known/keys").AbsoluteUri,
            ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
            ["token_endpoint_auth_methods_supported"] = new JsonArray("private_key_jwt"),
        }.ToJsonString(), "application/json"));

        app.MapGet("/v1/.well-known/keys", () =>
        {
            Interlocked.Increment(ref _jwksRequests);
            var keys = new JsonArray([.. _keys.Values.Where(k => k.Published).Select(k => (JsonNode)k.ToJwk())]);
            return Results.Text(new JsonObject { ["keys"] = keys }.ToJsonString(), "application/json");
        });

        app.MapGet("/{tenant}/v2.0/.well-known/openid-configuration", (string tenant) => Results.Text(new JsonObject
        {
            ["issuer"] = new Uri(HttpsBaseUrl, $"{tenant}/v2.0").AbsoluteUri,
            ["authorization_endpoint"] = new Uri(HttpsBaseUrl, $"{tenant}/oauth2/v2.0/authorize").AbsoluteUri,
            ["token_endpoint"] = new Uri(HttpsBaseUrl, $"{tenant}/oauth2/v2.0/token").AbsoluteUri,
            ["jwks_uri"] = new Uri(BaseUrl, "v1/.well-known/keys").AbsoluteUri,
        }.ToJsonString(), "application/json"));

        app.MapPost("/{tenant}/oauth2/v2.0/token", IssueAsync);
    }

    private async Task<IResult> IssueAsync(string tenant, HttpContext context)
    {
        var requestNumber = Interlocked.Increment(ref _tokenRequests);
        var form = await context.Request.ReadFormAsync();
        if (form["grant_type"] != "client_credentials")
        {
            return Error(400, "unsupported_grant_type", "AADSTS70003: only client_credentials");
        }

        if (form["client_id"] != AppId || !await ClientAuthenticatedAsync(form, context))
        {
            return Error(401, "invalid_client", "AADSTS7000215: Invalid client secret provided.");
        }

        if (form["scope"] != "https://api.botframework.com/.default")
        {
            return Error(400, "invalid_scope", "AADSTS70011: The provided value for scope is not valid.");
        }

        return Results.Text(new JsonObject
        {
            ["token_type"] = "Bearer",
            ["expires_in"] = 3600,
            ["ext_expires_in"] = 3600,
            ["access_token"] = $"fake-connector-token-{tenant}-{requestNumber}",
        }.ToJsonString(), "application/json");
    }

    private async Task<bool> ClientAuthenticatedAsync(IFormCollection form, HttpContext context)
    {
        if (form.TryGetValue("client_secret", out var secret))
        {
            return secret == AppPassword;
        }

        if (ClientCertificate is null || form["client_assertion_type"] != "urn:ietf:params:oauth:client-assertion-type:jwt-bearer")
        {
            return false;
        }

        var endpoint = $"{context.Request.Scheme}://{context.Request.Host}{context.Request.Path}";
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(form["client_assertion"].ToString(), new TokenValidationParameters
        {
            ValidIssuer = AppId,
            ValidAudience = endpoint,
            IssuerSigningKey = new X509SecurityKey(ClientCertificate),
        });
        return result.IsValid && result.ClaimsIdentity.FindFirst("sub")?.Value == AppId;
    }

    private static IResult Error(int status, string error, string description) => Results.Text(
        new JsonObject { ["error"] = error, ["error_description"] = description }.ToJsonString(),
        "application/json", statusCode: status);

    private static X509Certificate2 CreateTlsCertificate()
    {
        var rsa = RsaKeyPool.Get(0);
        var request = new CertificateRequest("CN=127.0.0.1", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        // Round-trip through PFX so the private key is persisted as Kestrel's TLS stack expects on every platform.
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), null);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        TlsCertificate.Dispose();
    }
}
