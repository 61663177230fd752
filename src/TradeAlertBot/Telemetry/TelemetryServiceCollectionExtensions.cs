using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace TradeAlertBot.Telemetry;

/// <summary>Metrics: the <see cref="BotMetrics"/> meter, its gauge refresher, and the Prometheus scrape endpoint.</summary>
public static class TelemetryServiceCollectionExtensions
{
    /// <summary>Register after <c>AddJobs</c> and <c>StartupTasks</c>: the refresher reads a migrated database and Hangfire's storage.</summary>
    public static IServiceCollection AddTelemetry(this IServiceCollection services)
    {
        services.AddSingleton<BotMetrics>();
        services.AddSingleton<TelemetryRefresher>();
        services.AddHostedService(sp => sp.GetRequiredService<TelemetryRefresher>());
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(BotMetrics.MeterName))
            .WithMetrics(metrics => metrics.AddMeter(BotMetrics.MeterName).AddPrometheusExporter());
        return services;
    }

    /// <summary><c>GET /metrics</c> in Prometheus text format.</summary>
    public static IEndpointRouteBuilder MapTelemetry(this IEndpointRouteBuilder app)
    {
        app.MapPrometheusScrapingEndpoint("/metrics");
        return app;
    }
}
