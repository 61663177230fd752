using Hangfire;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;

namespace TradeAlertBot.Jobs;

/// <summary>The job storage <see cref="JobsOptions.Storage"/> names, one instance per host (never Hangfire's static global).</summary>
public static class JobStorageFactory
{
    public static JobStorage Create(JobsOptions options, IConfiguration configuration)
    {
        if (!options.IsPostgres)
        {
            return new InMemoryStorage(new InMemoryStorageOptions { MaxExpirationTime = TimeSpan.FromHours(1) });
        }

        var storage = new PostgreSqlStorageOptions
        {
            SchemaName = options.Schema,
            PrepareSchemaIfNecessary = true, // under Hangfire.PostgreSql's own lock: nodes starting together install once
            // LISTEN/NOTIFY wakes an idle worker when a job is enqueued; the poll interval is only the fallback.
            EnableLongPolling = true,
            QueuePollInterval = TimeSpan.FromSeconds(5),
            // A job fetched by a node that dies becomes visible to the others again after this; the sliding timeout
            // keeps a long job's claim fresh while its node lives.
            UseSlidingInvisibilityTimeout = true,
            InvisibilityTimeout = TimeSpan.FromMinutes(1),
            // A lock left by a dead node (e.g. a feed's poll lock) is free again after this.
            DistributedLockTimeout = TimeSpan.FromMinutes(1),
        };
        return new PostgreSqlStorage(new NpgsqlConnectionFactory(JobsOptions.ConnectionString(configuration)!, storage), storage);
    }
}
