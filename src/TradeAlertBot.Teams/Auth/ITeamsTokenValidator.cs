using System.Security.Claims;

namespace TradeAlertBot.Teams.Auth;

/// <summary>
/// Validates the bearer token on an inbound Bot Framework activity (issuer, audience, lifetime, signature,
/// endorsements for the activity's channel, serviceUrl claim). Fails closed.
/// </summary>
public interface ITeamsTokenValidator
{
    /// <param name="authorizationHeader">The raw Authorization header ("Bearer eyJ…").</param>
    /// <param name="channelId">The activity's channelId ("msteams").</param>
    /// <param name="serviceUrl">The activity's serviceUrl.</param>
    Task<TeamsAuthResult> ValidateAsync(string? authorizationHeader, string channelId, string serviceUrl, CancellationToken ct);

    /// <param name="authorizationHeader">The raw Authorization header ("Bearer eyJ…").</param>
    /// <param name="channelId">The activity's channelId ("msteams").</param>
    /// <param name="serviceUrl">The activity's serviceUrl.</param>
    /// <param name="tenantId">The activity's tenant (channelData.tenant.id), checked against AllowedTenants together
    /// with the token's <c>tid</c>; channel tokens usually carry no <c>tid</c>, so pass it when AllowedTenants is set.</param>
    Task<TeamsAuthResult> ValidateAsync(
        string? authorizationHeader, string channelId, string serviceUrl, string? tenantId, CancellationToken ct);
}

/// <summary>Valid with the caller's claims, or refused with a reason fit for logs (never the token).</summary>
public sealed record TeamsAuthResult(bool IsValid, string? Reason, ClaimsIdentity? Identity)
{
    public static TeamsAuthResult Refused(string reason) => new(false, reason, null);
}
