using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using TradeAlertBot.Audit;
using TradeAlertBot.Storage.Entities;

namespace TradeAlertBot.Admin;

/// <summary>
/// Sign-in to the console through the organisation's OpenID Connect provider: the authorization code flow with PKCE,
/// the answer by query (no form post to this host), the id token checked against the provider's keys, then
/// <see cref="OidcAdmission"/> decides; an admitted identity gets an ordinary admin cookie session (revocable like a
/// token session), a refused one the sign-in page with the reason. Both are written to the audit log.
/// </summary>
public static partial class AdminOidc
{
    public const string Scheme = "AdminOidc";
    public const string CallbackPath = "/admin/signin-oidc";

    /// <summary>Where the provider's answer lands after sign-in (see LoginContinue: a same-site step for the Strict cookie).</summary>
    public const string ContinuePath = "/admin/login/continue";

    /// <summary>
    /// Registers the scheme only when <c>Admin:Oidc:Authority</c> is set (an unconfigured handler would fail every
    /// request) and the node serves pages (the handler answers its callback path wherever it is registered).
    /// </summary>
    public static AuthenticationBuilder AddAdminOidc(this AuthenticationBuilder auth, IConfiguration configuration)
    {
        var section = configuration.GetSection(AdminOptions.SectionName).GetSection("Oidc");
        if (string.IsNullOrEmpty(section[nameof(AdminOidcOptions.Authority)]) || !Hosting.NodeOptions.From(configuration).ServesPages)
        {
            return auth;
        }

        auth.AddOpenIdConnect(Scheme, _ => { });
        auth.Services.AddOptions<OpenIdConnectOptions>(Scheme).Configure<IOptions<AdminOptions>>((options, admin) => Configure(options, admin.Value.Oidc));
        return auth;
    }

    private static void Configure(OpenIdConnectOptions options, AdminOidcOptions oidc)
    {
        options.SignInScheme = AdminEndpoints.Scheme;
        options.Authority = oidc.Authority;
        options.RequireHttpsMetadata = oidc.RequireHttpsMetadata;
        options.ClientId = oidc.ClientId;
        options.ClientSecret = oidc.ClientSecret;
        options.ResponseType = OpenIdConnectResponseType.Code;
        // The code comes back in the query of a top-level GET: no cross-site form post (CSP form-action, SameSite=Lax
        // correlation cookies) and nothing for the page to submit.
        options.ResponseMode = OpenIdConnectResponseMode.Query;
        options.UsePkce = true;
        options.CallbackPath = CallbackPath;
        options.MapInboundClaims = false; // claim names as the provider sends them ("email", "groups")
        options.SaveTokens = false;       // the cookie holds the session, not the provider's tokens
        options.GetClaimsFromUserInfoEndpoint = false;
        options.Scope.Clear();
        foreach (var scope in oidc.EffectiveScopes)
        {
            options.Scope.Add(scope);
        }

        options.TokenValidationParameters.NameClaimType = oidc.EmailClaim;
        foreach (var cookie in new[] { options.CorrelationCookie, options.NonceCookie })
        {
            cookie.Path = "/admin";
            cookie.SameSite = SameSiteMode.Lax;
            cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        }

        options.Events.OnTokenValidated = context => AdmitAsync(context, oidc);
        options.Events.OnRemoteFailure = FailedAsync;
    }

    private static async Task AdmitAsync(TokenValidatedContext context, AdminOidcOptions oidc)
    {
        var http = context.HttpContext;
        var services = http.RequestServices;
        var audit = services.GetRequiredService<AuditLog>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(AdminOidc));
        var client = http.Connection.RemoteIpAddress?.ToString() ?? "an unknown address";
        var admission = OidcAdmission.Judge(context.Principal!, oidc);
        if (!admission.Admitted)
        {
            LogRefused(logger, admission.Identity, admission.Refusal!);
            await audit.RecordAsync(AuditActor.Anonymous, AuditAction.SignInRefused, "admin page", null,
                $"OpenID Connect identity {admission.Identity} from {client} refused: {admission.Refusal}", http.RequestAborted);
            context.HandleResponse();
            http.Response.Redirect("/admin/login?refused=true");
            return;
        }

        var principal = services.GetRequiredService<AdminSessions>().NewPrincipal(admission.Identity, AdminSessions.ViaOidc);
        context.Principal = principal;
        await audit.RecordAsync(AuditActor.Web(principal), AuditAction.SignIn, "admin page", null,
            $"OpenID Connect sign-in from {client}", http.RequestAborted);
        LogSignedIn(logger, admission.Identity);
    }

    // A denied consent, an expired or replayed answer, a provider error: back to the sign-in page, said plainly.
    private static Task FailedAsync(RemoteFailureContext context)
    {
        LogFailed(context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(AdminOidc)), context.Failure?.Message ?? "unknown");
        context.HandleResponse();
        context.Response.Redirect("/admin/login?failed=true");
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "admin: OpenID Connect identity {Identity} refused: {Reason}")]
    private static partial void LogRefused(ILogger logger, string identity, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "admin: {Identity} signed in with OpenID Connect")]
    private static partial void LogSignedIn(ILogger logger, string identity);

    [LoggerMessage(Level = LogLevel.Warning, Message = "admin: OpenID Connect sign-in failed: {Reason}")]
    private static partial void LogFailed(ILogger logger, string reason);
}
