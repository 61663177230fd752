using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace TradeAlertBot.TestFakes;

/// <summary>
/// The signing key of <see cref="FakeOidcProvider"/>: signs its id tokens (RS256) and is published as its JWKS. The
/// RSA key is shared (<see cref="RsaKeyPool"/>), so this does not own or dispose it.
/// </summary>
internal sealed class FakeOidcKey
{
    private const string Kid = "fake-oidc-key";
    private const int PoolPosition = 1;

    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };
    private readonly SigningCredentials _credentials =
        new(new RsaSecurityKey(RsaKeyPool.Get(PoolPosition)) { KeyId = Kid }, SecurityAlgorithms.RsaSha256);

    /// <summary>A token from <paramref name="issuer"/> for <paramref name="audience"/>, valid for five minutes from <paramref name="now"/>.</summary>
    public string Sign(string issuer, string audience, DateTimeOffset now, Dictionary<string, object> claims) =>
        _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.AddMinutes(-1).UtcDateTime,
            Expires = now.AddMinutes(5).UtcDateTime,
            Claims = claims,
            SigningCredentials = _credentials,
        });

    public JsonObject ToJwk()
    {
        var parameters = RsaKeyPool.Get(PoolPosition).ExportParameters(includePrivateParameters: false);
        return new JsonObject
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["alg"] = "RS256",
            ["kid"] = Kid,
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
            ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
        };
    }
}
