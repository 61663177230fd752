using Hangfire;
using Hangfire.AspNetCore;
using Microsoft.Extensions.Options;
using TradeAlertBot.Commands;
using TradeAlertBot.Deliveries;

namespace TradeAlertBot.Jobs;

public static class JobsServiceCollectionExtensions
{
    /// <summary>The main server's queues, in the order its workers take them; <see cref="JobQueues.Queries"/> is not among them.</summary>
    public static readonly string[] AlertQueues = [JobQueues.Interactive, JobQueues.Default];

    public static readonly string[] QueryQueues = [JobQueues.Queries];

    /// <summary>
    /// Hangfire on the storage <see cref="JobsOptions.Storage"/> names, owned by this host's container, and (unless
    /// <paramref name="runServers"/> is false: a web node, whose jobs the workers run) its two job servers.
    /// </summary>
    public static IServiceCollection AddJobs(this IServiceCollection services, bool runServers = true)
    {
        services.AddOptions<JobsOptions>().BindConfiguration(JobsOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<JobsOptions>, JobsOptionsValidator>();

        // Hangfire's global configuration (JobStorage.Current, JobActivator.Current) is process-wide. The storage and
        // the activator are registered here first, so AddHangfire's fallbacks to those statics are never taken: the
        // job servers, the clients and the monitoring API all use this container's, and two hosts in one process
        // (the integration specs) never hand each other jobs.
        services.AddSingleton(provider => JobStorageFactory.Create(
            provider.GetRequiredService<IOptions<JobsOptions>>().Value, provider.GetRequiredService<IConfiguration>()));
        services.AddSingleton<JobActivator>(provider => new AspNetCoreJobActivator(provider.GetRequiredService<IServiceScopeFactory>()));
        services.AddHangfire((provider, config) => config
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseLogProvider(new HostLogProvider(provider.GetRequiredService<ILoggerFactory>())));
        if (runServers)
        {
            AddServers(services);
        }

        services.AddScoped<DispatchFeedsJob>();
        services.AddScoped<PollFeedJob>();
        services.AddDelivery();
        return services;
    }

    private static void AddServers(IServiceCollection services)
    {
        services.AddHangfireServer((provider, options) =>
        {
            options.WorkerCount = provider.GetRequiredService<IOptions<JobsOptions>>().Value.EffectiveWorkerCount;
            options.SchedulePollingInterval = TimeSpan.FromSeconds(1);
            // Workers take "interactive" jobs first: command answers, and alerts whose turn under the rate limit has
            // come, must not wait behind a burst of thousands of queued deliveries.
            options.Queues = AlertQueues;
            options.ShutdownTimeout = TimeSpan.FromSeconds(15);
        });
        // Scans (search, rule test) take seconds each under their time budget: on their own few workers a burst of
        // them waits for itself and never holds a worker an alert send needs.
        services.AddHangfireServer((provider, options) =>
        {
            options.ServerName = $"{Environment.MachineName}:queries";
            options.WorkerCount = provider.GetRequiredService<IOptions<QueryOptions>>().Value.QueryWorkers;
            options.SchedulePollingInterval = TimeSpan.FromSeconds(1);
            options.Queues = QueryQueues;
            options.ShutdownTimeout = TimeSpan.FromSeconds(15);
        });
    }
}
