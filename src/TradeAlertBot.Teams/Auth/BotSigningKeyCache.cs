using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace TradeAlertBot.Teams.Auth;

/// <summary>
/// Bot Framework signing keys from the OpenID metadata's <c>jwks_uri</c>: fetched on first use, refreshed every 24 h
/// (the spec: "at least once every 24 hours") and when a token names an unknown <c>kid</c>, at most every 5 minutes.
/// Not <c>ConfigurationManager</c>: since IdentityModel 8 it refreshes in the background once it has a configuration
/// (blocking only behind the process-wide switch <c>Switch.Microsoft.IdentityModel.UpdateConfigAsBlocking</c>), so
/// the request that meets a rotated key would be refused; here that request waits for the refresh.
/// </summary>
internal sealed partial class BotSigningKeyCache(
    Uri metadataUrl, IHttpClientFactory httpClients, TimeProvider time, ILogger logger)
{
    public static readonly TimeSpan AutomaticRefreshInterval = TimeSpan.FromHours(24);
    public static readonly TimeSpan MinimumRefreshInterval = TimeSpan.FromMinutes(5);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private Snapshot? _current;
    private DateTimeOffset _lastAttempt = DateTimeOffset.MinValue;

    /// <summary>The key named <paramref name="kid"/>, or null when even a permitted refresh does not list it.</summary>
    /// <exception cref="IOException">No keys were ever fetched and fetching failed now.</exception>
    public async Task<BotSigningKey?> FindAsync(string kid, CancellationToken ct)
    {
        var snapshot = _current;
        if (snapshot is null || (IsStale(snapshot) && MayRefresh()))
        {
            snapshot = await RefreshAsync(snapshot, ct);
        }

        if (snapshot.Keys.TryGetValue(kid, out var key))
        {
            return key;
        }

        if (!MayRefresh())
        {
            return null;
        }

        snapshot = await RefreshAsync(snapshot, ct);
        return snapshot.Keys.GetValueOrDefault(kid);
    }

    private bool IsStale(Snapshot snapshot) => time.GetUtcNow() - snapshot.FetchedAt >= AutomaticRefreshInterval;

    private bool MayRefresh() => time.GetUtcNow() - _lastAttempt >= MinimumRefreshInterval;

    private async Task<Snapshot> RefreshAsync(Snapshot? seen, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            // Another request refreshed (or just tried to) while this one waited: do not fetch again.
            if (_current is not null && (!ReferenceEquals(_current, seen) || !MayRefresh()))
            {
                return _current;
            }

            _lastAttempt = time.GetUtcNow();
            try
            {
                _current = await FetchAsync(ct);
                LogRefreshed(logger, _current.Keys.Count);
                return _current;
            }
            catch (Exception ex) when (_current is not null && ex is not OperationCanceledException)
            {
                // Keeping the last keys beats refusing every activity while the metadata endpoint is down.
                LogRefreshFailed(logger, ex, metadataUrl);
                return _current;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<Snapshot> FetchAsync(CancellationToken ct)
    {
        var metadataJson = await Retriever(metadataUrl).GetDocumentAsync(metadataUrl.AbsoluteUri, ct);
        var metadata = OpenIdConnectConfiguration.Create(metadataJson);
        if (!Uri.TryCreate(metadata.JwksUri, UriKind.Absolute, out var jwksUri))
        {
            throw new IOException($"teams auth: OpenID metadata at {metadataUrl} has no valid jwks_uri");
        }

        var jwksJson = await Retriever(jwksUri).GetDocumentAsync(jwksUri.AbsoluteUri, ct);
        return new Snapshot(BotSigningKey.ParseSet(jwksJson), time.GetUtcNow());
    }

    // Plain http only for loopback addresses (local fakes); HttpDocumentRetriever refuses it otherwise.
    private HttpDocumentRetriever Retriever(Uri address) =>
        new(httpClients.CreateClient(TeamsOptions.AuthHttpClientName)) { RequireHttps = !address.IsLoopback };

    private sealed record Snapshot(IReadOnlyDictionary<string, BotSigningKey> Keys, DateTimeOffset FetchedAt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Bot Framework signing keys refreshed: {KeyCount} keys")]
    private static partial void LogRefreshed(ILogger logger, int keyCount);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bot Framework signing key refresh from {MetadataUrl} failed; keeping the previous keys")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception, Uri metadataUrl);
}
