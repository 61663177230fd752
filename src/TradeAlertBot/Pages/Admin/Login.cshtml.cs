using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using TradeAlertBot.Admin;
using TradeAlertBot.Audit;
using TradeAlertBot.Storage.Entities;

namespace TradeAlertBot.Pages.Admin;

/// <summary>
/// Sign-in with the <c>Admin:Token</c> setting (compared in constant time, never logged) and/or a link that starts
/// the OpenID Connect sign-in (<see cref="AdminOidc"/>), whichever is configured; rate-limited per client.
/// </summary>
[EnableRateLimiting(AdminEndpoints.SignInLimit)]
public sealed partial class LoginModel(IOptions<AdminOptions> options, AdminSessions sessions, AuditLog audit, ILogger<LoginModel> logger) : PageModel
{
    public string? Error { get; private set; }

    public bool TokenSignIn => options.Value.Token.Length > 0;

    public bool OidcSignIn => options.Value.Oidc.Enabled;

    public string ProviderName => options.Value.Oidc.DisplayName;

    /// <summary>Where to go once signed in: the page that asked for sign-in, if it is one of ours.</summary>
    [BindProperty(SupportsGet = true, Name = "ReturnUrl")]
    public string? ReturnUrl { get; set; }

    public void OnGet(bool refused = false, bool failed = false)
    {
        Response.Headers.CacheControl = "no-store";
        if (refused)
        {
            Error = $"{ProviderName} signed you in, but that account may not use this console: its e-mail domain or "
                + "groups are not on the allowed list. Ask an administrator to admit it.";
        }
        else if (failed)
        {
            Error = $"Signing in with {ProviderName} did not complete. Try again.";
        }
    }

    /// <summary>Starts the OpenID Connect sign-in (the provider's page, then back through <see cref="AdminOidc.ContinuePath"/>).</summary>
    public IActionResult OnGetOidc()
    {
        if (!OidcSignIn)
        {
            return NotFound();
        }

        var back = SafeReturnUrl();
        return Challenge(new AuthenticationProperties { RedirectUri = $"{AdminOidc.ContinuePath}?ReturnUrl={Uri.EscapeDataString(back)}" }, AdminOidc.Scheme);
    }

    public async Task<IActionResult> OnPostAsync(string? token, CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        var expected = options.Value.Token;
        if (expected.Length == 0 || !Matches(token ?? "", expected))
        {
            LogRefused(logger, HttpContext.Connection.RemoteIpAddress);
            await audit.RecordAsync(AuditActor.Anonymous, AuditAction.SignInRefused, "admin page", null, $"wrong token from {Client()}", ct);
            Error = "That is not the admin token.";
            Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Page();
        }

        var principal = sessions.NewPrincipal();
        await audit.RecordAsync(AuditActor.Web(principal), AuditAction.SignIn, "admin page", null, $"token sign-in from {Client()}", ct);
        await HttpContext.SignInAsync(AdminEndpoints.Scheme, principal);
        LogSignedIn(logger, HttpContext.Connection.RemoteIpAddress);
        return LocalRedirect(SafeReturnUrl());
    }

    private string SafeReturnUrl() => ReturnUrl is { } url && Url.IsLocalUrl(url) && url.StartsWith("/admin", StringComparison.Ordinal) ? url : "/admin";

    private string Client() => HttpContext.Connection.RemoteIpAddress?.ToString() ?? "an unknown address";

    // Hashing first gives both sides one length, so FixedTimeEquals leaks neither the token's content nor its length.
    private static bool Matches(string given, string expected) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));

    [LoggerMessage(Level = LogLevel.Warning, Message = "admin: sign-in refused (wrong token) from {RemoteIp}")]
    private static partial void LogRefused(ILogger logger, System.Net.IPAddress? remoteIp);

    [LoggerMessage(Level = LogLevel.Information, Message = "admin: signed in from {RemoteIp}")]
    private static partial void LogSignedIn(ILogger logger, System.Net.IPAddress? remoteIp);
}
