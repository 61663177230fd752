using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;

using Microsoft.Extensions.Options;
using TradeAlertBot.Audit;
using TradeAlertBot.Storage;
using TradeAlertBot.Storage.Entities;

namespace TradeAlertBot.Admin;

/// <summary>Sign-in with the <c>Admin:Token</c> setting: compared in constant time, never logged.</summary>
public static class AdminSignIn
{
    public static IResult Form(HttpContext http, IAntiforgery antiforgery)
    {
        http.Response.Headers.CacheControl = "no-store";
        return Results.Content(AdminHtml.Login(antiforgery.GetAndStoreTokens(http), null), "text/html; charset=utf-8");
    }

    public static async Task<IResult> SignInAsync(
        HttpContext http, IAntiforgery antiforgery, IOptions<AdminOptions> options, AuditLog audit, ILoggerFactory loggers, CancellationToken ct)
    {
        var form = await http.Request.ReadFormAsync(ct);
        var expected = options.Value.Token;
        var given = form["token"].ToString();
        var log = loggers.CreateLogger(typeof(AdminSignIn));
        if (expected.Length == 0 || !Matches(given, expected))
        {
            log.LogWarning("admin: sign-in refused (wrong token) from {RemoteIp}", http.Connection.RemoteIpAddress);
            await audit.RecordAsync(AuditActor.Anonymous, AuditAction.SignInRefused, "admin page", null, $"wrong token from {Client(http)}", ct);
            // New tokens: the failed attempt's antiforgery token stays valid, but the form is rendered afresh anyway.
            return Results.Content(AdminHtml.Login(antiforgery.GetAndStoreTokens(http), "That is not the admin token."),
                "text/html; charset=utf-8", statusCode: StatusCodes.Status401Unauthorized);
        }

        var principal = http.RequestServices.GetRequiredService<AdminSessions>().NewPrincipal();
        await audit.RecordAsync(AuditActor.Web(principal), AuditAction.SignIn, "admin page", null, $"token sign-in from {Client(http)}", ct);
        await http.SignInAsync(AdminEndpoints.Scheme, principal);
        log.LogInformation("admin: signed in from {RemoteIp}", http.Connection.RemoteIpAddress);
        return Results.Redirect("/admin");
    }

    /// <summary>Ends the session server-side too: a copy of the cookie kept elsewhere stops working at once.</summary>
    public static async Task<IResult> SignOutAsync(HttpContext http)
    {
        var signedIn = await http.AuthenticateAsync(AdminEndpoints.Scheme);
        if (signedIn.Succeeded)
        {
            await http.RequestServices.GetRequiredService<AuditLog>().RecordAsync(
                AuditActor.Web(signedIn.Principal), AuditAction.SignOut, "admin page", null, null, http.RequestAborted);
            await http.RequestServices.GetRequiredService<AdminSessions>().SignOutAsync(
                http.RequestServices.GetRequiredService<TradeAlertDbContext>(), signedIn.Principal, signedIn.Properties?.ExpiresUtc, http.RequestAborted);
        }

        await http.SignOutAsync(AdminEndpoints.Scheme);
        return Results.Redirect("/admin/login");
    }

    private static string Client(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "an unknown address";

    // Hashing first gives both sides one length, so FixedTimeEquals leaks neither the token's content nor its length.
    private static bool Matches(string given, string expected) =>
        CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(given)),
            SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}
