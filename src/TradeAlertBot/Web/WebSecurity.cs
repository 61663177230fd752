using System.Net;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.HttpOverrides;

namespace TradeAlertBot.Web;

/// <summary>The HTTP pipeline's front: forwarded headers (when configured), security headers, routing, auth, rate limits.</summary>
public static class WebSecurity
{
    public static IServiceCollection AddWebSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        // Parsed here, so a mistyped address stops start-up instead of the first request.
        var settings = configuration.GetSection(ForwardedHeadersSettings.SectionName).Get<ForwardedHeadersSettings>() ?? new ForwardedHeadersSettings();
        var proxies = settings.KnownProxies.Select(p => IPAddress.TryParse(p, out var address) ? address
            : throw new InvalidOperationException($"web: ForwardedHeaders:KnownProxies '{p}' is not an IP address")).ToList();
        var networks = settings.KnownNetworks.Select(n => System.Net.IPNetwork.TryParse(n, out var network) ? network
            : throw new InvalidOperationException($"web: ForwardedHeaders:KnownNetworks '{n}' is not a CIDR network such as 10.0.0.0/8")).ToList();
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            // Not X-Forwarded-Host: the Host header a proxy passes on is already the client's.
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.ForwardLimit = settings.ForwardLimit;
            proxies.ForEach(options.KnownProxies.Add);
            networks.ForEach(options.KnownIPNetworks.Add);
        });
        services.AddRateLimiter(_ => { });
        services.AddOptions<EventStreamOptions>().BindConfiguration(EventStreamOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
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
