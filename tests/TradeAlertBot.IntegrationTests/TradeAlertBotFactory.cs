using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using TradeAlertBot.Core.Alerts;
using TradeAlertBot.IntegrationTests.Fakes;
using TradeAlertBot.Storage;

namespace TradeAlertBot.IntegrationTests;

/// <summary>
/// The real host in-process on a SQLite file of its own (or, through <see cref="OnAsync"/>, a PostgreSQL database of its own), with a recording "test" alert sender. Several factories
/// may share one database file to simulate a restart. <paramref name="settings"/> override the test defaults.
/// Hosts run in parallel: each has its own job storage, database and (unless a spec names one) key ring.
/// </summary>
internal sealed class TradeAlertBotFactory(
    string databasePath, bool useSamples = false, IReadOnlyDictionary<string, string>? settings = null,
    Action<IServiceCollection>? services = null) : WebApplicationFactory<Program>
{
    public RecordingAlertSender Sender { get; } = new();

    public static string NewDatabasePath() => Path.Combine(Path.GetTempPath(), $"tab-{Guid.NewGuid():n}.db");

    /// <summary>
    /// A host on a new database of <paramref name="provider"/> ("sqlite", with jobs in memory, or "postgres", with
    /// jobs on Hangfire.PostgreSql in the same database). The SQLite file path still
    /// names where the host keeps its key ring; on PostgreSQL no file is created there.
    /// </summary>
    public static async Task<TradeAlertBotFactory> OnAsync(
        string provider, string databasePath, IReadOnlyDictionary<string, string>? settings = null)
    {
        if (provider == StorageOptions.Sqlite)
        {
            return new TradeAlertBotFactory(databasePath, settings: settings);
        }

        var all = new Dictionary<string, string>(settings ?? new Dictionary<string, string>())
        {
            ["Storage:Provider"] = StorageOptions.Postgres,
            ["ConnectionStrings:Default"] = await TestFakes.TestPostgres.NewDatabaseAsync(),
            ["Hangfire:Storage"] = Jobs.JobsOptions.Postgres, // the jobs too, in their own schema of that database
        };
        return new TradeAlertBotFactory(databasePath, settings: all);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:Default", $"Data Source={databasePath}");
        builder.UseSetting("Feeds:UseSamples", useSamples ? "true" : "false");
        builder.UseSetting("Feeds:AllowedPrivateHosts", "127.0.0.1");
        builder.UseSetting("Feeds:Timeout", "00:00:05");
        // Next to the database, so a restart on the same file finds the same keys and no other host shares them.
        builder.UseSetting("DataProtection:KeysPath", databasePath + ".keys");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(s =>
        {
            s.AddSingleton<IAlertSender>(Sender);
            services?.Invoke(s);
        });
    }

    public async Task<T> WithDbAsync<T>(Func<TradeAlertDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TradeAlertDbContext>();
        return await query(db);
    }

    public async Task RunJobAsync<TJob>(Func<TJob, Task> run) where TJob : notnull
    {
        await using var scope = Services.CreateAsyncScope();
        await run(scope.ServiceProvider.GetRequiredService<TJob>());
    }

    /// <summary>Waits (bounded) until <paramref name="condition"/> holds against the database.</summary>
    // Specs say what happens, not how fast (the benchmarks time that): the default wait is generous so a slow or
    // throttled CI machine cannot fail a spec whose outcome is right, and a wrong outcome still fails.
    public async Task WaitUntilAsync(Func<TradeAlertDbContext, Task<bool>> condition, TimeSpan? timeout = null)
    {
        var limit = timeout ?? TimeSpan.FromSeconds(90);
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!await WithDbAsync(condition))
        {
            if (waited.Elapsed > limit)
            {
                throw new TimeoutException("condition not met in time");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>
    /// Waits (bounded) until no background job is queued or running: every job enqueued so far, e.g. by a chat
    /// request already answered, has run. Jobs scheduled for later are not waited for.
    /// </summary>
    public async Task WaitForJobsAsync(TimeSpan? timeout = null)
    {
        // A worker takes a job off its queue a moment before it marks it processing, when neither count shows it:
        // quiet twice, a short while apart, means settled.
        do
        {
            await WaitUntilAsync(_ => Task.FromResult(NoJobsPending()), timeout);
            await Task.Delay(200);
        }
        while (!NoJobsPending());
    }

    private bool NoJobsPending()
    {
        var monitor = Services.GetRequiredService<Hangfire.JobStorage>().GetMonitoringApi();
        var queued = new[] { Jobs.JobQueues.Interactive, Jobs.JobQueues.Default, Jobs.JobQueues.Queries }.Sum(monitor.EnqueuedCount);
        return queued == 0 && monitor.ProcessingCount() == 0;
    }

    /// <summary>Waits until every due feed has been polled and every outbox row sent.</summary>
    public Task WaitForQuietAsync() => WaitUntilAsync(async db =>
    {
        var now = DateTimeOffset.UtcNow;
        return !await db.Feeds.AnyAsync(f => f.Enabled && (f.PollingUntil != null || f.NextPollAt <= now))
               && !await db.Deliveries.AnyAsync(d => d.State != Storage.Entities.DeliveryState.Sent);
    });
}
