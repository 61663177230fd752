using System.Collections.Concurrent;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace TradeAlertBot.Admin;

/// <summary>
/// Makes admin cookies revocable. Each cookie carries a session id and a stamp derived from the token it was
/// issued under; every request checks both (cookie auth's OnValidatePrincipal), so a cookie stops working when
/// its session signs out or when <c>Admin:Token</c> changes. Signed-out ids are kept only until their cookie
/// would have expired anyway, and at most <see cref="AdminOptions.MaxSignedOutSessions"/> of them.
/// </summary>
public sealed class AdminSessions(IOptions<AdminOptions> options, TimeProvider time, ILogger<AdminSessions> logger)
{
    public const string SessionClaim = "tab:sid";
    public const string StampClaim = "tab:stamp";

    private readonly ConcurrentDictionary<string, DateTimeOffset> _signedOut = new(StringComparer.Ordinal);

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

    public void SignOut(ClaimsPrincipal user, DateTimeOffset? cookieExpires)
    {
        if (user.FindFirst(SessionClaim)?.Value is not { } session)
        {
            return;
        }

        var now = time.GetUtcNow();
        if (_signedOut.Count >= options.Value.MaxSignedOutSessions)
        {
            foreach (var (id, until) in _signedOut)
            {
                if (until <= now)
                {
                    _signedOut.TryRemove(id, out _);
                }
            }
        }

        while (_signedOut.Count >= options.Value.MaxSignedOutSessions
               && _signedOut.OrderBy(e => e.Value).FirstOrDefault() is { Key: { } oldest })
        {
            logger.LogWarning("admin: sign-out list full ({Max}); forgetting the session that expires first", options.Value.MaxSignedOutSessions);
            _signedOut.TryRemove(oldest, out _);
        }

        _signedOut[session] = cookieExpires ?? now + TimeSpan.FromDays(1);
    }

    public bool IsValid(ClaimsPrincipal user)
    {
        var session = user.FindFirst(SessionClaim)?.Value;
        var stamp = user.FindFirst(StampClaim)?.Value;
        if (session is null || stamp is null || _signedOut.ContainsKey(session))
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(stamp), Encoding.ASCII.GetBytes(Stamp(options.Value.Token)));
    }

    /// <summary>Cookie auth's per-request check: a revoked or stale cookie signs the browser out.</summary>
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var sessions = context.HttpContext.RequestServices.GetRequiredService<AdminSessions>();
        if (context.Principal is { } user && sessions.IsValid(user))
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
