using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TradeAlertBot.Jobs;
using TradeAlertBot.Outbox;
using TradeAlertBot.Storage;
using TradeAlertBot.Storage.Queries;

namespace TradeAlertBot.Hosting;

/// <summary>
/// Runs before the job server starts: migrates the database, seeds first-start data, registers the recurring
/// dispatch job and triggers one dispatch at once so the first alerts appear within seconds. A failure here
/// stops start-up: a host that cannot reach its database or schedule its jobs must not pretend to run.
/// </summary>
public sealed class StartupTasks(
    IServiceProvider services, IRecurringJobManager recurring, IBackgroundJobClient jobs, IOptions<DeliveryOptions> delivery, TimeProvider time)
    : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        using (var scope = services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TradeAlertDbContext>();
            await db.Database.MigrateAsync(ct);
            if (db.Database.IsSqlite())
            {
                // Write-ahead logging lets readers (the page, health) and the one writer work at the same time.
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
            }

            await scope.ServiceProvider.GetRequiredService<Seeder>().SeedAsync(ct);
            await scope.ServiceProvider.GetRequiredService<Teams.WebhookSecrets>().ProtectPlainAsync(db, ct);
        }

        // The in-memory job store starts empty: every outbox row not yet sent gets its Deliver job again, due at once
        // or at the retry time stored with the row (the job's claim keeps a row another node is sending from being
        // sent twice). Held rows are HeldAlertsJob's, run once now if there are any.
        using (var scope = services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TradeAlertDbContext>();
            var unsent = await db.Deliveries.Unsent(delivery.Value.MaxAttempts)
                .Where(d => d.HeldFor == null)
                .Select(d => new { d.Id, d.ClaimedUntil })
                .ToListAsync(ct);
            if (await db.Deliveries.Unsent(delivery.Value.MaxAttempts).AnyAsync(d => d.HeldFor != null, ct))
            {
                jobs.Enqueue<HeldAlertsJob>(job => job.RunAsync(CancellationToken.None));
            }

            var now = time.GetUtcNow();
            foreach (var row in unsent)
            {
                var deliveryId = row.Id;
                if (row.ClaimedUntil is { } due && due > now)
                {
                    jobs.Schedule<DeliverJob>(job => job.RunAsync(deliveryId, CancellationToken.None), due - now + DeliverJob.ClaimMargin);
                }
                else
                {
                    jobs.Enqueue<DeliverJob>(job => job.RunAsync(deliveryId, CancellationToken.None));
                }
            }
        }

        recurring.AddOrUpdate<DispatchFeedsJob>("dispatch-feeds", job => job.RunAsync(CancellationToken.None), Cron.Minutely());
        recurring.AddOrUpdate<HeldAlertsJob>("send-held-alerts", job => job.RunAsync(CancellationToken.None), Cron.Minutely());
        jobs.Enqueue<DispatchFeedsJob>(job => job.RunAsync(CancellationToken.None));
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
