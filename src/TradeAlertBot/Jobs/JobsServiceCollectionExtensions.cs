using Hangfire;
using Hangfire.InMemory;

namespace TradeAlertBot.Jobs;

public static class JobsServiceCollectionExtensions
{
    /// <summary>Hangfire with the storage named by <c>Hangfire:Storage</c> ("inmemory", the default) and its job server.</summary>
    public static IServiceCollection AddJobs(this IServiceCollection services, IConfiguration configuration)
    {
        var storage = configuration["Hangfire:Storage"] ?? "inmemory";
        if (!string.Equals(storage, "inmemory", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"jobs: Hangfire:Storage '{storage}' is not supported; use 'inmemory'");
        }

        services.AddHangfire(config => config
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseInMemoryStorage(new InMemoryStorageOptions { MaxExpirationTime = TimeSpan.FromHours(1) }));
        services.AddHangfireServer(options =>
        {
            // Jobs are I/O-bound (HTTP, database): more workers than cores.
            options.WorkerCount = Math.Max(4, Environment.ProcessorCount * 5);
            options.SchedulePollingInterval = TimeSpan.FromSeconds(1);
            options.ShutdownTimeout = TimeSpan.FromSeconds(15);
        });
        services.AddScoped<DispatchFeedsJob>();
        services.AddScoped<PollFeedJob>();
        services.AddScoped<DeliverJob>();
        return services;
    }
}
