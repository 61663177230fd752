using System.Text.Json;

namespace TradeAlertBot.Teams.Auth;

/// <summary>
/// The client-credentials request for a plain-http loopback authority (a local fake Bot Framework), which MSAL
/// refuses ("the authority must use HTTPS"): POST {authority}/oauth2/v2.0/token, cached until a minute before expiry.
/// Only ever used for loopback addresses; every real authority goes through MSAL.
/// </summary>
internal sealed class PlainTokenClient(HttpClient http, Uri authority, string clientId, string clientSecret, TimeProvider time)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private (string Token, DateTimeOffset Expires)? _cached;

    public static bool Handles(Uri authority) => authority.Scheme == Uri.UriSchemeHttp && authority.IsLoopback;

    public async Task<string> GetTokenAsync(string scope, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            if (_cached is { } cached && cached.Expires > time.GetUtcNow())
            {
                return cached.Token;
            }

            using var response = await http.PostAsync(new Uri(authority.AbsoluteUri.TrimEnd('/') + "/oauth2/v2.0/token"), new FormUrlEncodedContent(
            [
                new("grant_type", "client_credentials"), new("client_id", clientId), new("client_secret", clientSecret), new("scope", scope),
            ]), ct);
            if ((int)response.StatusCode is >= 400 and < 500)
            {
                throw new TeamsTokenException(TeamsTokenError.CredentialsRejected,
                    $"teams token: authority refused the app credentials (HTTP {(int)response.StatusCode})", null);
            }

            response.EnsureSuccessStatusCode();
            var body = await Connector.TeamsHttp.ReadCappedAsync(response, ct)
                ?? throw new TeamsTokenException(TeamsTokenError.Unavailable, $"teams token: answer exceeds {Connector.TeamsHttp.MaxResponseBytes} bytes", null);
            using var json = JsonDocument.Parse(body);
            var token = json.RootElement.GetProperty("access_token").GetString()!;
            var lifetime = json.RootElement.TryGetProperty("expires_in", out var e) && e.TryGetInt32(out var seconds) ? seconds : 3600;
            _cached = (token, time.GetUtcNow() + TimeSpan.FromSeconds(Math.Max(0, lifetime - 60)));
            return token;
        }
        catch (Exception e) when (e is HttpRequestException or JsonException or KeyNotFoundException)
        {
            throw new TeamsTokenException(TeamsTokenError.Unavailable, $"teams token: no token from the authority ({e.GetType().Name})", e);
        }
        finally
        {
            _gate.Release();
        }
    }
}
