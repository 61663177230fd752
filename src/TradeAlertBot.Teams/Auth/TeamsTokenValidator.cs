using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace TradeAlertBot.Teams.Auth;

/// <summary>
/// Checks a Bot Framework channel token as the connector authentication spec requires: Bearer scheme, issuer,
/// audience = app id, lifetime with 5 minutes of skew, RS256/384/512 signature by a published key that the activity's
/// channel endorses, and a <c>serviceurl</c> claim equal to the activity's serviceUrl
/// (https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-connector-authentication).
/// Singleton: it owns the signing key cache.
/// </summary>
public sealed partial class TeamsTokenValidator : ITeamsTokenValidator
{
    public const string BotFrameworkIssuer = "https://api.botframework.com";
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    private static readonly string[] Algorithms =
        [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512];

    private readonly TeamsOptions _options;
    private readonly BotSigningKeyCache _keys;
    private readonly TimeProvider _time;
    private readonly ILogger<TeamsTokenValidator> _logger;
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };
    private readonly string[] _issuers;

    public TeamsTokenValidator(
        IOptions<TeamsOptions> options, IHttpClientFactory httpClients, TimeProvider time, ILogger<TeamsTokenValidator> logger)
    {
        _options = options.Value;
        _time = time;
        _logger = logger;
        _keys = new BotSigningKeyCache(_options.OpenIdMetadataUrl, httpClients, time, logger);
        // Single-tenant bots also get tokens issued by their own tenant, as botbuilder's
        // ParameterizedBotFrameworkAuthentication accepts (protocols.md §9).
        _issuers = _options.IsSingleTenant && !string.IsNullOrEmpty(_options.TenantId)
            ? [BotFrameworkIssuer, $"https://sts.windows.net/{_options.TenantId}/", $"https://login.microsoftonline.com/{_options.TenantId}/v2.0"]
            : [BotFrameworkIssuer];
    }

    public Task<TeamsAuthResult> ValidateAsync(
        string? authorizationHeader, string channelId, string serviceUrl, CancellationToken ct) =>
        ValidateAsync(authorizationHeader, channelId, serviceUrl, tenantId: null, ct);

    public async Task<TeamsAuthResult> ValidateAsync(
        string? authorizationHeader, string channelId, string serviceUrl, string? tenantId, CancellationToken ct)
    {
        var result = await CheckAsync(authorizationHeader, channelId, serviceUrl, tenantId, ct);
        if (!result.IsValid)
        {
            LogRefused(_logger, result.Reason, channelId);
        }

        return result;
    }

    private async Task<TeamsAuthResult> CheckAsync(
        string? authorizationHeader, string channelId, string serviceUrl, string? tenantId, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(_options.AppId))
        {
            return TeamsAuthResult.Refused("Teams AppId is not configured");
        }

        if (string.IsNullOrWhiteSpace(authorizationHeader))
        {
            return TeamsAuthResult.Refused("missing Authorization header");
        }

        var parts = authorizationHeader.Trim().Split(' ', 2, StringSplitOptions.TrimEntries);
        if (parts.Length != 2 || !parts[0].Equals("Bearer", StringComparison.OrdinalIgnoreCase) || parts[1].Length == 0)
        {
            return TeamsAuthResult.Refused("Authorization header is not a Bearer token");
        }

        var raw = parts[1];
        if (!_handler.CanReadToken(raw))
        {
            return TeamsAuthResult.Refused("token is not a readable JWT");
        }

        JsonWebToken token;
        try
        {
            token = _handler.ReadJsonWebToken(raw);
        }
        catch (ArgumentException)
        {
            return TeamsAuthResult.Refused("token is not a readable JWT");
        }

        if (!Algorithms.Contains(token.Alg, StringComparer.Ordinal))
        {
            return TeamsAuthResult.Refused($"token algorithm '{token.Alg}' is not allowed");
        }

        if (string.IsNullOrEmpty(token.Kid))
        {
            return TeamsAuthResult.Refused("token names no signing key (kid)");
        }

        BotSigningKey? key;
        try
        {
            key = await _keys.FindAsync(token.Kid, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogKeysUnavailable(_logger, ex, _options.OpenIdMetadataUrl);
            return TeamsAuthResult.Refused("Bot Framework signing keys are unavailable");
        }

        if (key is null)
        {
            return TeamsAuthResult.Refused($"signing key '{token.Kid}' is not published by Bot Framework");
        }

        var validation = await _handler.ValidateTokenAsync(token, Parameters(key.Key));
        if (!validation.IsValid)
        {
            return TeamsAuthResult.Refused(Describe(validation.Exception));
        }

        // The channel must endorse the key, else a key published for another channel could impersonate this one.
        if (string.IsNullOrEmpty(channelId) || !key.Endorsements.Contains(channelId, StringComparer.Ordinal))
        {
            return TeamsAuthResult.Refused($"signing key is not endorsed for channel '{channelId}'");
        }

        var claimedServiceUrl = validation.ClaimsIdentity.FindFirst("serviceurl")?.Value;
        if (claimedServiceUrl is null || !SameServiceUrl(claimedServiceUrl, serviceUrl))
        {
            return TeamsAuthResult.Refused("serviceurl claim does not match the activity's serviceUrl");
        }

        if (_options.AllowedTenants.Count > 0)
        {
            var refusal = CheckTenant(validation.ClaimsIdentity.FindFirst("tid")?.Value, tenantId);
            if (refusal is not null)
            {
                return TeamsAuthResult.Refused(refusal);
            }
        }

        return new TeamsAuthResult(true, null, validation.ClaimsIdentity);
    }

    private TokenValidationParameters Parameters(SecurityKey key) => new()
    {
        ValidIssuers = _issuers,
        ValidAudience = _options.AppId,
        ValidateLifetime = true,
        RequireExpirationTime = true,
        ClockSkew = ClockSkew,
        LifetimeValidator = (notBefore, expires, _, _) => CheckLifetime(notBefore, expires),
        RequireSignedTokens = true,
        IssuerSigningKey = key,
        TryAllIssuerSigningKeys = false,
        ValidAlgorithms = Algorithms,
    };

    // IdentityModel's own lifetime check reads the system clock; this one reads the injected TimeProvider.
    private bool CheckLifetime(DateTime? notBefore, DateTime? expires)
    {
        var now = _time.GetUtcNow().UtcDateTime;
        if (expires is null)
        {
            throw new SecurityTokenNoExpirationException("token has no exp");
        }

        if (now > expires.Value.ToUniversalTime() + ClockSkew)
        {
            throw new SecurityTokenExpiredException("token expired");
        }

        if (notBefore is not null && now < notBefore.Value.ToUniversalTime() - ClockSkew)
        {
            throw new SecurityTokenNotYetValidException("token not yet valid");
        }

        return true;
    }

    private string? CheckTenant(string? tokenTenant, string? activityTenant)
    {
        if (tokenTenant is null && activityTenant is null)
        {
            return "no tenant to check against AllowedTenants";
        }

        foreach (var tenant in new[] { tokenTenant, activityTenant })
        {
            if (tenant is not null && !_options.AllowedTenants.Contains(tenant, StringComparer.OrdinalIgnoreCase))
            {
                return $"tenant '{tenant}' is not in AllowedTenants";
            }
        }

        return null;
    }

    // botbuilder compares serviceUrl case-insensitively; a trailing slash is not a different service.
    private static bool SameServiceUrl(string claimed, string actual) =>
        string.Equals(claimed.TrimEnd('/'), actual.TrimEnd('/'), StringComparison.OrdinalIgnoreCase);

    private static string Describe(Exception? exception) => exception switch
    {
        SecurityTokenInvalidIssuerException => "token issuer is not accepted",
        SecurityTokenInvalidAudienceException => "token audience is not this bot's AppId",
        SecurityTokenExpiredException => "token has expired",
        SecurityTokenNotYetValidException => "token is not yet valid",
        SecurityTokenNoExpirationException => "token has no expiry",
        SecurityTokenInvalidAlgorithmException => "token algorithm is not allowed",
        SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException => "token signature is invalid",
        null => "token is invalid",
        _ => $"token is invalid ({exception.GetType().Name})",
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Teams activity token refused: {Reason} (channel {ChannelId})")]
    private static partial void LogRefused(ILogger logger, string? reason, string channelId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Bot Framework signing keys could not be fetched from {MetadataUrl}")]
    private static partial void LogKeysUnavailable(ILogger logger, Exception exception, Uri metadataUrl);
}
