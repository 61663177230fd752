using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Tokens;

namespace TradeAlertBot.TestFakes;

/// <summary>
/// An RSA key of <see cref="FakeBotIdentity"/> and the channels that endorse it. The RSA key is shared
/// (<see cref="RsaKeyPool"/>), so this does not own or dispose it.
/// </summary>
internal sealed class FakeSigningKey(string kid, RSA rsa, IReadOnlyList<string> endorsements)
{
    public string Kid { get; } = kid;

    public bool Published { get; set; } = true;

    public SigningCredentials Credentials { get; } =
        new(new RsaSecurityKey(rsa) { KeyId = kid }, SecurityAlgorithms.RsaSha256);

    /// <summary>The JWK with Bot Framework's extra <c>endorsements</c> member.</summary>
    public JsonObject ToJwk()
    {
        var parameters = rsa.ExportParameters(includePrivateParameters: false);
        return new JsonObject
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = Kid,
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
            ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
            ["endorsements"] = new JsonArray([.. endorsements.Select(e => (JsonNode)JsonValue.Create(e))]),
        };
    }
}
