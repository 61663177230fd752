using Microsoft.Extensions.Options;
using TradeAlertBot.Jobs;

namespace TradeAlertBot.Deliveries;

public static class DeliveryServiceCollectionExtensions
{
    /// <summary>The delivery stage: its jobs, the one send path, the pacer and the validated Delivery options.</summary>
    public static IServiceCollection AddDelivery(this IServiceCollection services)
    {
        services.AddScoped<DeliverJob>();
        services.AddScoped<HeldAlertsJob>();
        services.AddScoped<DeliverySweepJob>();
        services.AddScoped<Threads.ThreadReplyJob>();
        services.AddScoped<AlertPoster>();
        services.AddScoped<HoldGate>();
        services.AddScoped<AlertSenders>();
        services.AddScoped<DeliveryOutcomeRecorder>();
        services.AddScoped<DestinationPacer>();
        services.AddSingleton(provider => new DeliverySweepStart(
            jobsOutliveTheProcess: provider.GetRequiredService<IOptions<JobsOptions>>().Value.IsPostgres));
        services.AddSingleton<AlertBacklog>();
        services.AddOptions<DeliveryOptions>()
            .BindConfiguration(DeliveryOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(o => o.MaxRetryDelay >= o.RetryDelay, "Delivery:MaxRetryDelay must not be shorter than Delivery:RetryDelay")
            .Validate(o => o.MinInterval.Values.All(v => v >= TimeSpan.Zero && v <= TimeSpan.FromHours(1)), "Delivery:MinInterval values must be between 00:00:00 and 01:00:00")
            .ValidateOnStart();
        return services;
    }
}
