using Hangfire;
using Microsoft.EntityFrameworkCore;
using TradeAlertBot.Deliveries;
using TradeAlertBot.Jobs;
using TradeAlertBot.Storage;

namespace TradeAlertBot.Hosting;

/// <summary>
/// Runs before the job server starts: migrates the database, seeds first-start data, registers the recurring
/// jobs and triggers the delivery sweep, held alerts and one dispatch at once so alerts appear within seconds. A failure here
/// stops start-up: a host that cannot reach its database or schedule its jobs must not pretend to run.
/// Every node runs them, whatever its role: migration and seeding are under one advisory lock (nodes starting together
/// migrate and seed once), recurring jobs are registered by id (the last registration wins, all alike), and the
/// jobs enqueued here are idempotent sweeps that, on shared job storage, whichever worker is free runs.
/// </summary>
public sealed class StartupTasks(
    IServiceProvider services, IRecurringJobManager recurring, IBackgroundJobClient jobs)
    : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        using (var scope = services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TradeAlertDbContext>();
            var seeder = scope.ServiceProvider.GetRequiredService<Seeder>();
            await db.MigrateUnderLockAsync(seeder.SeedAsync, ct);
            if (db.Database.IsSqlite())
            {
                // Write-ahead logging lets readers (the page, health) and the one writer work at the same time.
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
            }

            await scope.ServiceProvider.GetRequiredService<Teams.WebhookSecrets>().ProtectPlainAsync(db, ct);
        }

        // The in-memory job store starts empty: the delivery sweep's first run gives every unsent row its Deliver job
        // again, due at once or at the retry time stored with the row, and held rows are looked at at once too.
        jobs.Enqueue<DeliverySweepJob>(job => job.RunAsync(CancellationToken.None));
        jobs.Enqueue<HeldAlertsJob>(job => job.RunAsync(CancellationToken.None));

        recurring.AddOrUpdate<DispatchFeedsJob>("dispatch-feeds", job => job.RunAsync(CancellationToken.None), PollLease.DispatchCron);
        recurring.AddOrUpdate<HeldAlertsJob>("send-held-alerts", job => job.RunAsync(CancellationToken.None), Cron.Minutely());
        recurring.AddOrUpdate<DeliverySweepJob>(DeliverySweepJob.RecurringId, job => job.RunAsync(CancellationToken.None), Cron.Minutely());
        recurring.AddOrUpdate<Deliveries.Threads.ThreadReplyJob>(Deliveries.Threads.ThreadReplyJob.RecurringId, job => job.RunAsync(CancellationToken.None), Cron.Minutely());
        recurring.AddOrUpdate<Audit.AuditPruneJob>(Audit.AuditPruneJob.RecurringId, job => job.RunAsync(CancellationToken.None), Cron.Daily());
        jobs.Enqueue<DispatchFeedsJob>(job => job.RunAsync(CancellationToken.None));
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
