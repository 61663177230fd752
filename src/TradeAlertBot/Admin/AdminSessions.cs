using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TradeAlertBot.Storage;
using TradeAlertBot.Storage.Entities;

namespace TradeAlertBot.Admin;

/// <summary>
/// Makes admin cookies revocable. Each cookie carries a session id and a stamp derived from the sign-in it came
/// from (the token, or the OpenID Connect provider and client); every request checks both (cookie auth's
/// OnValidatePrincipal), so a cookie stops working when its session signs out, when <c>Admin:Token</c> changes
/// (token sessions) or when the provider settings change or go (OpenID Connect sessions). Signed-out ids are stored in the database (on every
/// node, across restarts) only until their cookie would have expired anyway.
/// </summary>
public sealed class AdminSessions(IOptions<AdminOptions> options, TimeProvider time)
{
    public const string SessionClaim = "tab:sid";
    public const string StampClaim = "tab:stamp";
    public const string ViaClaim = "tab:via";
    public const string ViaToken = "token";
    public const string ViaOidc = "oidc";

    /// <summary>The claims of a new session signed in with the current token.</summary>
    public ClaimsPrincipal NewPrincipal() => NewPrincipal("admin", ViaToken);

    /// <summary>The claims of a new session of <paramref name="name"/> signed in <paramref name="via"/> the token or OpenID Connect.</summary>
    public ClaimsPrincipal NewPrincipal(string name, string via)
    {
        var identity = new ClaimsIdentity(
        [
            new Claim(ClaimTypes.Name, name),
            new Claim(SessionClaim, Convert.ToHexString(RandomNumberGenerator.GetBytes(16))),
            new Claim(ViaClaim, via),
            new Claim(StampClaim, Stamp(Secret(via) ?? "")),
        ], AdminEndpoints.Scheme);
        return new ClaimsPrincipal(identity);
    }

    public async Task SignOutAsync(TradeAlertDbContext db, ClaimsPrincipal user, DateTimeOffset? cookieExpires, CancellationToken ct)
    {
        if (user.FindFirst(SessionClaim)?.Value is not { } session)
        {
            return;
        }

        var now = time.GetUtcNow();
        await db.RevokedAdminSessions.Where(r => r.ExpiresAt <= now).ExecuteDeleteAsync(ct); // their cookies are dead
        if (!await db.RevokedAdminSessions.AnyAsync(r => r.SessionId == session, ct))
        {
            db.RevokedAdminSessions.Add(new RevokedAdminSession { SessionId = session, ExpiresAt = cookieExpires ?? now + TimeSpan.FromDays(1) });
            await db.SaveChangesAsync(ct);
        }
    }

    public async Task<bool> IsValidAsync(TradeAlertDbContext db, ClaimsPrincipal user, CancellationToken ct)
    {
        var session = user.FindFirst(SessionClaim)?.Value;
        var stamp = user.FindFirst(StampClaim)?.Value;
        // Cookies from before sign-in had two ways carry no "via": they came from the token.
        var secret = Secret(user.FindFirst(ViaClaim)?.Value ?? ViaToken);
        if (session is null || stamp is null || secret is null
            || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(stamp), Encoding.ASCII.GetBytes(Stamp(secret))))
        {
            return false;
        }

        return !await db.RevokedAdminSessions.AnyAsync(r => r.SessionId == session, ct);
    }

    /// <summary>Cookie auth's per-request check: a revoked or stale cookie signs the browser out.</summary>
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        if (context.Principal is { } user && await services.GetRequiredService<AdminSessions>()
                .IsValidAsync(services.GetRequiredService<TradeAlertDbContext>(), user, context.HttpContext.RequestAborted))
        {
            return;
        }

        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(AdminEndpoints.Scheme);
    }

    // What a session's stamp is made of; null when that way of signing in is off, so none of its cookies is valid.
    private string? Secret(string via)
    {
        var admin = options.Value;
        return via switch
        {
            ViaToken when admin.Token.Length > 0 => admin.Token,
            ViaOidc when admin.Oidc.Enabled => $"oidc:{admin.Oidc.Authority}|{admin.Oidc.ClientId}|{admin.Oidc.ClientSecret}",
            _ => null,
        };
    }

    // A hash of the token, never the token: the cookie is encrypted, but a leaked key must not reveal the secret.
    private static string Stamp(string token) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes("TradeAlertBot admin session:" + token)))[..32];
}
