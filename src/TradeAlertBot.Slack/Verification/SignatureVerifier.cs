using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace TradeAlertBot.Slack.Verification;

/// <summary>
/// Verifies Slack's request signature (https://api.slack.com/authentication/verifying-requests-from-slack):
/// <c>v0=hex(HMAC-SHA256(signing secret, "v0:{timestamp}:{raw body}"))</c>, compared in constant time, with
/// timestamps more than five minutes from now refused so a captured request cannot be replayed. Fails closed:
/// an empty secret verifies nothing.
/// </summary>
public sealed class SignatureVerifier(string signingSecret, TimeProvider time)
{
    /// <summary>How far a request's timestamp may be from now.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);

    private readonly byte[] _key = Encoding.UTF8.GetBytes(signingSecret);

    /// <param name="timestamp">The X-Slack-Request-Timestamp header (Unix seconds).</param>
    /// <param name="signature">The X-Slack-Signature header.</param>
    /// <param name="rawBody">The body bytes exactly as received, before any parsing.</param>
    public SignatureCheck Verify(string? timestamp, string? signature, ReadOnlySpan<byte> rawBody)
    {
        if (_key.Length == 0 || string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(signature))
        {
            return SignatureCheck.MissingHeaders;
        }

        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return SignatureCheck.BadTimestamp;
        }

        var age = time.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(Math.Clamp(seconds, 0, 253402300799));
        if (age.Duration() > MaxAge)
        {
            return SignatureCheck.Stale;
        }

        var expected = Encoding.ASCII.GetBytes(Sign(timestamp, rawBody));
        var actual = Encoding.ASCII.GetBytes(signature);
        return CryptographicOperations.FixedTimeEquals(expected, actual) ? SignatureCheck.Valid : SignatureCheck.Mismatch;
    }

    /// <summary>The signature Slack would send for this timestamp and body (also used by tests and the fake Slack).</summary>
    public string Sign(string timestamp, ReadOnlySpan<byte> rawBody)
    {
        var prefix = Encoding.UTF8.GetBytes($"v0:{timestamp}:");
        var data = new byte[prefix.Length + rawBody.Length];
        prefix.CopyTo(data, 0);
        rawBody.CopyTo(data.AsSpan(prefix.Length));
        return "v0=" + Convert.ToHexStringLower(HMACSHA256.HashData(_key, data));
    }
}
