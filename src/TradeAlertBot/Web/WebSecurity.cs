using System.Net;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.HttpOverrides;

namespace TradeAlertBot.Web;

/// <summary>The HTTP pipeline's front: forwarded headers (when configured), security headers, routing, auth, rate limits.</summary>
public static class WebSecurity
{
    public static IServiceCollection AddWebSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = configuration.GetSection(ForwardedHeadersSettings.SectionName).Get<ForwardedHeadersSettings>() ?? new ForwardedHeadersSettings();
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            // Not X-Forwarded-Host: the Host header a proxy passes on is already the client's.
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.ForwardLimit = settings.ForwardLimit;
            foreach (var proxy in settings.KnownProxies)
            {
                options.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in settings.KnownNetworks)
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        services.AddRateLimiter(_ => { });
        services.Configure<EventStreamOptions>(configuration.GetSection(EventStreamOptions.SectionName));
        services.AddSingleton<EventStreamGate>();
        return services;
    }

    /// <summary>Order matters: the client's real scheme and address must be known before auth and limits look at them.</summary>
    public static WebApplication UseWebSecurity(this WebApplication app)
    {
        if (app.Configuration.GetValue<bool>($"{ForwardedHeadersSettings.SectionName}:Enabled"))
        {
            app.UseForwardedHeaders();
        }

        app.UseSecurityHeaders();
        app.UseRouting();
        if (app.Services.GetService<IAuthenticationSchemeProvider>() is not null)
        {
            app.UseAuthentication();
            app.UseAuthorization();
        }

        app.UseRateLimiter();
        return app;
    }
}
