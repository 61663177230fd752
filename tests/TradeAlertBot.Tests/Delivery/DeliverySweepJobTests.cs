using TradeAlertBot.Deliveries;
using TradeAlertBot.Storage.Entities;

namespace TradeAlertBot.Tests.Deliveries;

/// <summary>The one restart-recovery path: the host's first sweep gives every unsent row its job again.</summary>
public sealed class DeliverySweepJobTests : IDisposable
{
    private readonly DeliveryHarness _harness = new(new DeliveryOptions { MaxAttempts = 5 });

    public void Dispose() => _harness.Dispose();

    private async Task<long[]> RowsAsync()
    {
        var destination = await _harness.AddDestinationAsync();
        var now = DeliveryHarness.Start;
        return
        [
            await _harness.AddDeliveryAsync(destination.Id), // just made: its job was enqueued with it, or lost in a restart
            await _harness.AddDeliveryAsync(destination.Id, d => (d.State, d.Attempts, d.ClaimedUntil) = (DeliveryState.Failed, 1, now.AddSeconds(10))),
            await _harness.AddDeliveryAsync(destination.Id, d => (d.State, d.ClaimedUntil) = (DeliveryState.Sending, now.AddMinutes(-1))),
            await _harness.AddDeliveryAsync(destination.Id, d => d.HeldFor = "mute"),
            await _harness.AddDeliveryAsync(destination.Id, d => d.State = DeliveryState.Sent),
            await _harness.AddDeliveryAsync(destination.Id, d => (d.State, d.Attempts) = (DeliveryState.Failed, 5)),
        ];
    }

    [Fact]
    public async Task The_first_sweep_after_a_start_gives_every_unsent_row_its_job_due_at_once_or_at_its_stored_retry_time()
    {
        await RowsAsync();

        await _harness.SweepAsync(new DeliverySweepStart());

        Assert.Equal(2, _harness.Enqueued); // the new row and the dead worker's row
        var retry = Assert.Single(_harness.Scheduled);
        Assert.InRange(retry.TotalSeconds, 10, 11.5); // the stored retry time, plus the claim margin
    }

    [Fact]
    public async Task Later_sweeps_take_only_rows_whose_job_is_overdue()
    {
        await RowsAsync();
        var start = new DeliverySweepStart();
        start.TryTakeFirstSweep();

        await _harness.SweepAsync(start);
        Assert.Equal(1, _harness.Enqueued); // the dead worker's row; the new one still has its job
        Assert.Empty(_harness.Scheduled);

        _harness.Time.Advance(DeliverySweepJob.OrphanAge + TimeSpan.FromSeconds(1));
        await _harness.SweepAsync(start);
        Assert.Equal(1 + 3, _harness.Enqueued); // now the new row and the lapsed retry too
    }

    [Fact]
    public async Task On_a_job_store_that_outlives_the_process_the_first_sweep_takes_only_overdue_rows()
    {
        await RowsAsync();

        await _harness.SweepAsync(new DeliverySweepStart(jobsOutliveTheProcess: true));

        Assert.Equal(1, _harness.Enqueued); // the dead worker's row; the new row's job is still in the store
        Assert.Empty(_harness.Scheduled);
    }

    [Fact]
    public async Task While_alert_jobs_wait_in_the_queues_an_unclaimed_row_is_not_taken_for_lost()
    {
        await RowsAsync();
        var start = new DeliverySweepStart();
        start.TryTakeFirstSweep();
        Hangfire.BackgroundJobClientExtensions.Enqueue(new Hangfire.BackgroundJobClient(_harness.JobStore), () => Console.WriteLine()); // the "default" queue
        _harness.Time.Advance(DeliverySweepJob.OrphanAge + TimeSpan.FromSeconds(1));

        await _harness.SweepAsync(start);

        Assert.Equal(2, _harness.Enqueued); // the dead worker's row and the lapsed retry, not the waiting new row
    }
}
