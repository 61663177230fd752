using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using TradeAlertBot.Commands;
using TradeAlertBot.Commands.Shared;
using TradeAlertBot.Core.Rules;
using TradeAlertBot.Hosting;
using TradeAlertBot.Storage;

namespace TradeAlertBot.Admin;

/// <summary>
/// The web admin page, on only when <c>Admin:Token</c> or <c>Admin:Oidc</c> is set (otherwise nothing under /admin is
/// mapped: 404). Signing in with the token (rate-limited per client) or through the OpenID Connect provider
/// (<see cref="AdminOidc"/>) sets an HttpOnly, SameSite=Strict cookie that sign-out and a settings change revoke
/// (<see cref="AdminSessions"/>); every POST also carries an antiforgery token.
/// </summary>
public static class AdminEndpoints
{
    public const string Scheme = "AdminCookie";
    public const string Policy = "Admin";
    public const string SignInLimit = "admin-sign-in";

    /// <summary>
    /// Registered whether or not the page is on (the token is an option, known only once the container is built);
    /// with no token nothing is mapped, so the cookie scheme never sees a cookie and no endpoint asks for antiforgery.
    /// </summary>
    public static IServiceCollection AddAdminPage(this IServiceCollection services, IConfiguration configuration)
    {
        // Cookies and antiforgery tokens are protected with the one key ring (SecretProtection, added by the host):
        // kept with the database, they survive restarts.
        services.AddOptions<AdminOptions>().BindConfiguration(AdminOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<AdminOptions>, AdminOptionsValidator>();
        services.AddSingleton<AdminSessions>();
        services.AddRateLimiter(limits =>
        {
            limits.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limits.OnRejected = RejectSignInAsync;
            // Per client address (the proxy's client when ForwardedHeaders is on): a guesser gets a handful of tries
            // per window, an admin who mistypes is barely slowed.
            // Showing the form is free: only tries (the token POST, starting an OpenID Connect sign-in) count.
            limits.AddPolicy(SignInLimit, http => HttpMethods.IsGet(http.Request.Method) && !http.Request.Query.ContainsKey("handler")
                ? RateLimitPartition.GetNoLimiter("form")
                : RateLimitPartition.GetFixedWindowLimiter(
                    http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ =>
                    {
                        var admin = http.RequestServices.GetRequiredService<IOptions<AdminOptions>>().Value;
                        return new FixedWindowRateLimiterOptions { PermitLimit = admin.SignInAttempts, Window = admin.SignInWindow, QueueLimit = 0 };
                    }));
        });
        services.AddAuthentication(Scheme).AddCookie(Scheme, options =>
        {
            options.Cookie.Name = "tab_admin";
            options.Cookie.Path = "/admin";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.LoginPath = "/admin/login";
            options.LogoutPath = "/admin/logout";
            options.AccessDeniedPath = "/admin/login";
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;
            // Every request: a cookie of a signed-out session, or issued under another Admin:Token, is refused.
            options.Events.OnValidatePrincipal = AdminSessions.ValidateAsync;
        }).AddAdminOidc(configuration);
        services.AddRazorPages();
        // The console's pages are signed-in only, except the sign-in page; with the console off they get no routes
        // at all (404), like the rest of /admin.
        services.AddOptions<RazorPagesOptions>().Configure<IOptions<AdminOptions>>((pages, admin) =>
        {
            pages.Conventions.AuthorizeFolder("/Admin", Policy);
            pages.Conventions.AllowAnonymousToPage("/Admin/Login");
            pages.Conventions.AllowAnonymousToPage("/Admin/LoginContinue");
            if (!admin.Value.Enabled)
            {
                pages.Conventions.AddFolderRouteModelConvention("/Admin", page => page.Selectors.Clear());
            }
        });
        services.AddAuthorizationBuilder().AddPolicy(Policy, policy => policy
            .AddAuthenticationSchemes(Scheme)
            .RequireAuthenticatedUser());
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "tab_admin_af";
            options.Cookie.Path = "/admin";
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.FormFieldName = "__af";
        });
        return services;
    }

    public static IEndpointRouteBuilder MapAdminPageIfEnabled(this IEndpointRouteBuilder app)
    {
        if (!app.ServiceProvider.GetRequiredService<IOptions<AdminOptions>>().Value.Enabled)
        {
            return app;
        }

        var admin = app.MapGroup("/admin").RequireAuthorization(Policy);
        var posts = admin.MapGroup("").AddEndpointFilter(RequireAntiforgeryAsync);
        posts.MapPost("/logout", (Delegate)AdminSignIn.SignOutAsync); // a Delegate, so the IResult is written
        app.MapJobsDashboard();
        return app;
    }

    private static async ValueTask RejectSignInAsync(OnRejectedContext context, CancellationToken ct)
    {
        var http = context.HttpContext;
        var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
        var seconds = (int)Math.Ceiling(Math.Max(1, wait.TotalSeconds));
        http.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(AdminEndpoints))
            .LogWarning("admin: sign-in attempts from {RemoteIp} over the limit; refused for {Seconds} s", http.Connection.RemoteIpAddress, seconds);
        await http.Response.WriteAsync($"admin: too many sign-in attempts; try again in {seconds} s.", ct);
    }

    private static async ValueTask<object?> RequireAntiforgeryAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        try
        {
            await http.RequestServices.GetRequiredService<IAntiforgery>().ValidateRequestAsync(http);
        }
        catch (AntiforgeryValidationException e)
        {
            http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(AdminEndpoints))
                .LogWarning("admin: POST {Path} refused, antiforgery token missing or invalid: {Reason}", http.Request.Path, e.Message);
            return Results.Text("admin: the form's antiforgery token is missing or invalid; reload the page and try again.",
                statusCode: StatusCodes.Status400BadRequest);
        }

        return await next(context);
    }
}
