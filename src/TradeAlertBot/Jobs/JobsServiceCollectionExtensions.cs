using Hangfire;
using Hangfire.InMemory;
using TradeAlertBot.Deliveries;

namespace TradeAlertBot.Jobs;

public static class JobsServiceCollectionExtensions
{
    /// <summary>The main server's queues, in the order its workers take them; <see cref="JobQueues.Queries"/> is not among them.</summary>
    public static readonly string[] AlertQueues = [JobQueues.Interactive, JobQueues.Default];

    public static readonly string[] QueryQueues = [JobQueues.Queries];

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
            // Polls wait on the network, so more workers than cores; but each also parses, classifies and takes the
            // store's single writer, and beyond 2 per core they only contend (bench/README.md: 10 workers on 2 cores
            // ingested 20% less than 4, at 4× the latency). Hosts polling many slow remote feeds may want more.
            options.WorkerCount = configuration.GetValue<int?>("Hangfire:WorkerCount") ?? Math.Max(4, Environment.ProcessorCount * 2);
            options.SchedulePollingInterval = TimeSpan.FromSeconds(1);
            // Workers take "interactive" jobs first: command answers, and alerts whose turn under the rate limit has
            // come, must not wait behind a burst of thousands of queued deliveries.
            options.Queues = AlertQueues;
            options.ShutdownTimeout = TimeSpan.FromSeconds(15);
        });
        // Scans (search, rule test) take seconds each under their time budget: on their own few workers a burst of
        // them waits for itself and never holds a worker an alert send needs.
        services.AddHangfireServer(options =>
        {
            options.ServerName = $"{Environment.MachineName}:queries";
            options.WorkerCount = Math.Max(1, configuration.GetValue<int?>("Commands:QueryWorkers") ?? new Commands.QueryOptions().QueryWorkers);
            options.SchedulePollingInterval = TimeSpan.FromSeconds(1);
            options.Queues = QueryQueues;
            options.ShutdownTimeout = TimeSpan.FromSeconds(15);
        });
        services.AddScoped<DispatchFeedsJob>();
        services.AddScoped<PollFeedJob>();
        services.AddDelivery();
        return services;
    }
}
