using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace TradeAlertBot.Web;

/// <summary>The HTTP pipeline's front: forwarded headers (when configured), security headers, routing, auth, rate limits.</summary>
public static class WebSecurity
{
    public static IServiceCollection AddWebSecurity(this IServiceCollection services)
    {
        services.AddOptions<ForwardedHeadersSettings>().BindConfiguration(ForwardedHeadersSettings.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<ForwardedHeadersSettings>, ForwardedHeadersSettingsValidator>();
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ForwardedHeadersSettings>>((options, configured) =>
        {
            var settings = configured.Value;
            // Not X-Forwarded-Host: the Host header a proxy passes on is already the client's.
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.ForwardLimit = settings.ForwardLimit;
            foreach (var proxy in settings.ProxyAddresses())
            {
                options.KnownProxies.Add(proxy);
            }

            foreach (var network in settings.ProxyNetworks())
            {
                options.KnownIPNetworks.Add(network);
            }
        });
        services.AddRateLimiter(_ => { });
        services.AddOptions<EventStreamOptions>().BindConfiguration(EventStreamOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<EventStreamGate>();
        return services;
    }

    /// <summary>Order matters: the client's real scheme and address must be known before auth and limits look at them.</summary>
    public static WebApplication UseWebSecurity(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<ForwardedHeadersSettings>>().Value.Enabled)
        {
            app.UseForwardedHeaders();
        }

        app.UseSecurityHeaders();
        app.UseConsoleAssets();
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
