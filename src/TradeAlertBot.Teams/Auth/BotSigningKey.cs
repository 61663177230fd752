using System.Text.Json;
using Microsoft.IdentityModel.Tokens;

namespace TradeAlertBot.Teams.Auth;

/// <summary>
/// One key from the Bot Framework JWKS with the channels that endorse it. Endorsements are a Bot Framework extension
/// of the JWK, so they are read from the raw JSON by <c>kid</c>, as botbuilder's EndorsementsRetriever does
/// (https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-connector-authentication).
/// </summary>
internal sealed record BotSigningKey(JsonWebKey Key, IReadOnlyList<string> Endorsements)
{
    /// <summary>Keys of a JWKS document by <c>kid</c>; keys without a kid cannot be matched to a token and are skipped.</summary>
    public static IReadOnlyDictionary<string, BotSigningKey> ParseSet(string jwksJson)
    {
        var set = JsonWebKeySet.Create(jwksJson);
        var endorsements = ReadEndorsements(jwksJson);
        var keys = new Dictionary<string, BotSigningKey>(StringComparer.Ordinal);
        foreach (var key in set.Keys)
        {
            if (string.IsNullOrEmpty(key.Kid))
            {
                continue;
            }

            keys[key.Kid] = new BotSigningKey(key, endorsements.GetValueOrDefault(key.Kid) ?? []);
        }

        return keys;
    }

    private static Dictionary<string, IReadOnlyList<string>> ReadEndorsements(string jwksJson)
    {
        var result = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        using var document = JsonDocument.Parse(jwksJson);
        if (!document.RootElement.TryGetProperty("keys", out var keys) || keys.ValueKind != JsonValueKind.Array)
        {
            return result;
        }

        foreach (var key in keys.EnumerateArray())
        {
            if (key.ValueKind != JsonValueKind.Object
                || !key.TryGetProperty("kid", out var kid) || kid.ValueKind != JsonValueKind.String
                || !key.TryGetProperty("endorsements", out var list) || list.ValueKind != JsonValueKind.Array)
            {
                continue;
            }

            result[kid.GetString()!] =
                [.. list.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!)];
        }

        return result;
    }
}
