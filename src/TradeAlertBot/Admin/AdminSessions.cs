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
/// Makes admin cookies revocable. Each cookie carries a session id and a stamp derived from the token it was
/// issued under; every request checks both (cookie auth's OnValidatePrincipal), so a cookie stops working when
/// its session signs out or when <c>Admin:Token</c> changes. Signed-out ids are stored in the database (on every
/// node, across restarts) only until their cookie would have expired anyway.
/// </summary>
public sealed class AdminSessions(IOptions<AdminOptions> options, TimeProvider time)
{
    public const string SessionClaim = "tab:sid";
    public const string StampClaim = "tab:stamp";

    /// <summary>The claims of a new session under the current token.</summary>
    public ClaimsPrincipal NewPrincipal()
    {
        var identity = new ClaimsIdentity(
        [
            new Claim(ClaimTypes.Name, "admin"),
            new Claim(SessionClaim, Convert.ToHexString(RandomNumberGenerator.GetBytes(16))),
            new Claim(StampClaim, Stamp(options.Value.Token)),
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
        if (session is null || stamp is null
            || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(stamp), Encoding.ASCII.GetBytes(Stamp(options.Value.Token))))
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

    // A hash of the token, never the token: the cookie is encrypted, but a leaked key must not reveal the secret.
    private static string Stamp(string token) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes("TradeAlertBot admin session:" + token)))[..32];
}
