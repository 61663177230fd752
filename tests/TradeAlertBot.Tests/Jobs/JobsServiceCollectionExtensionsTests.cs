using Hangfire;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TradeAlertBot.Commands;
using TradeAlertBot.Jobs;

namespace TradeAlertBot.Tests.Jobs;

/// <summary>Each host owns its job storage and activator: two hosts in one process (the specs) never share jobs.</summary>
public sealed class JobsServiceCollectionExtensionsTests : IDisposable
{
    private readonly List<ServiceProvider> _hosts = [];

    public void Dispose() => _hosts.ForEach(h => h.Dispose());

    private ServiceProvider Host(Dictionary<string, string?>? settings = null, bool runServers = true)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings ?? []).Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton<Marker>();
        services.AddOptions<QueryOptions>().BindConfiguration(QueryOptions.SectionName);
        var provider = services.AddJobs(runServers).BuildServiceProvider();
        _hosts.Add(provider);
        return provider;
    }

    private static long Enqueued(IServiceProvider host) =>
        host.GetRequiredService<JobStorage>().GetMonitoringApi().EnqueuedCount(JobQueues.Default);

    [Theory]
    [InlineData(true, 2)]
    [InlineData(false, 0)]
    public void A_host_runs_the_alert_and_query_servers_unless_told_not_to(bool runServers, int servers)
    {
        var host = Host(runServers: runServers);

        Assert.Equal(servers, host.GetServices<Microsoft.Extensions.Hosting.IHostedService>().Count());
        // Without servers it still enqueues, into its storage, for servers elsewhere.
        host.GetRequiredService<IBackgroundJobClient>().Enqueue<Marker>(m => m.Run());
        Assert.Equal(1, Enqueued(host));
    }

    [Fact]
    public void Two_hosts_in_one_process_keep_their_jobs_apart()
    {
        var first = Host();
        var second = Host();
        first.GetRequiredService<IGlobalConfiguration>();
        second.GetRequiredService<IGlobalConfiguration>(); // both configured before either asks for its storage

        first.GetRequiredService<IBackgroundJobClient>().Enqueue<Marker>(m => m.Run());
        first.GetRequiredService<IBackgroundJobClient>().Enqueue<Marker>(m => m.Run());
        second.GetRequiredService<IBackgroundJobClient>().Enqueue<Marker>(m => m.Run());

        Assert.Equal(2, Enqueued(first));
        Assert.Equal(1, Enqueued(second));
    }

    [Fact]
    public void Each_host_activates_jobs_from_its_own_container_whichever_host_was_configured_last()
    {
        var first = Host();
        var second = Host();
        first.GetRequiredService<IGlobalConfiguration>();
        second.GetRequiredService<IGlobalConfiguration>(); // Hangfire's static JobActivator.Current is now the second's

        using var scope = first.GetRequiredService<JobActivator>().BeginScope((JobActivatorContext)null!);

        Assert.Same(first.GetRequiredService<Marker>(), scope.Resolve(typeof(Marker)));
    }

    [Fact]
    public void The_worker_count_comes_from_the_hangfire_settings_and_defaults_to_twice_the_cores()
    {
        Assert.Equal(6, Host(new() { ["Hangfire:WorkerCount"] = "6" }).GetRequiredService<IOptions<JobsOptions>>().Value.EffectiveWorkerCount);
        Assert.Equal(Math.Max(4, Environment.ProcessorCount * 2), Host().GetRequiredService<IOptions<JobsOptions>>().Value.EffectiveWorkerCount);
    }

    [Fact]
    public void A_worker_count_out_of_range_names_the_setting()
    {
        var host = Host(new() { ["Hangfire:WorkerCount"] = "0" });

        var error = Assert.Throws<OptionsValidationException>(() => host.GetRequiredService<IOptions<JobsOptions>>().Value);

        Assert.Contains("Hangfire:WorkerCount must be between 1 and 256", error.Message);
    }

    [Theory]
    [InlineData("redis", null, null, "Hangfire:Storage must be 'inmemory' or 'postgres' (not 'redis')")]
    [InlineData("postgres", null, null, "Hangfire:Storage 'postgres' needs ConnectionStrings:Hangfire or ConnectionStrings:Default")]
    [InlineData("postgres", "Data Source=./data/bot.db", null, "is not an Npgsql connection string")]
    [InlineData("postgres", "Host=db;Database=bot", "Bad-Schema", "Hangfire:Schema must be a lower-case PostgreSQL name")]
    public void Job_storage_settings_that_cannot_work_name_the_setting(string storage, string? connection, string? schema, string expected)
    {
        var settings = new Dictionary<string, string?> { ["Hangfire:Storage"] = storage, ["ConnectionStrings:Default"] = connection, ["Hangfire:Schema"] = schema }
            .Where(s => s.Value is not null).ToDictionary();
        var host = Host(settings);

        var error = Assert.Throws<OptionsValidationException>(() => host.GetRequiredService<IOptions<JobsOptions>>().Value);

        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void The_job_storage_connection_string_is_its_own_when_set_else_the_bots()
    {
        IConfiguration Settings(Dictionary<string, string?> values) => new ConfigurationBuilder().AddInMemoryCollection(values).Build();

        Assert.Equal("Host=jobs", JobsOptions.ConnectionString(Settings(new() { ["ConnectionStrings:Hangfire"] = "Host=jobs", ["ConnectionStrings:Default"] = "Host=bot" })));
        Assert.Equal("Host=bot", JobsOptions.ConnectionString(Settings(new() { ["ConnectionStrings:Default"] = "Host=bot" })));
        Assert.IsType<Hangfire.InMemory.InMemoryStorage>(Host().GetRequiredService<JobStorage>());
    }

    public sealed class Marker
    {
        public void Run()
        {
        }
    }
}
