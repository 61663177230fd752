using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TradeAlertBot.Deliveries;
using TradeAlertBot.IntegrationTests.Fakes;
using TradeAlertBot.Jobs;
using TradeAlertBot.Storage.Entities;
using TradeAlertBot.TestFakes;

namespace TradeAlertBot.IntegrationTests.Specs;

/// <summary>Held alerts (mute, storm, digest) go through the same send path: lookups, attempts, dead letters, metrics.</summary>
public sealed class HeldAlertFaultSpecs : DeliveryFaultHost
{
    [Fact]
    public async Task A_held_alert_the_platform_rejects_is_dead_lettered_and_not_retried_every_minute()
    {
        await HoldOneAlertAsync();
        SlackApi.FailNext("chat.postMessage", "invalid_blocks", times: 5);

        await ReleaseHeldAsync();
        await ReleaseHeldAsync();

        var delivery = await SlackDeliveryAsync();
        Assert.Equal(DeliveryState.Dead, delivery.State);
        Assert.Equal(1, delivery.Attempts);
        Assert.Single(SlackApi.CallsTo("chat.postMessage"));
        Assert.False(await Bot.WithDbAsync(db => db.Destinations.AnyAsync(d => d.Kind == "slack" && d.Paused)));
        Assert.True(await SlackDeliveriesCountedAsync("failed", "rejected"), "the refusal is in /metrics");
    }

    [Fact]
    public async Task A_held_alert_whose_answer_was_lost_is_found_by_its_metadata_and_not_posted_again()
    {
        var id = await HoldOneAlertAsync();
        SlackApi.AcceptThenFailNext();

        await ReleaseHeldAsync();
        await Bot.WithDbAsync(db => db.Deliveries.Where(d => d.Id == id) // its retry is due
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.ClaimedUntil, DateTimeOffset.UtcNow.AddSeconds(-1))));
        await ReleaseHeldAsync();

        var message = Assert.Single(SlackApi.Messages("C1"));
        var delivery = await SlackDeliveryAsync();
        Assert.Equal(DeliveryState.Sent, delivery.State);
        Assert.Equal(message.Ts, delivery.MessageId);
        Assert.Equal(1, delivery.Attempts);
        Assert.True(await SlackDeliveriesCountedAsync("sent", "none"), "the held alert's send is in /metrics");
    }

    [Fact]
    public async Task A_held_summary_the_platform_rejects_dead_letters_its_alerts_and_is_not_retried_every_minute()
    {
        var ids = await HoldAlertsAsync(StormItem(1), StormItem(2));
        SlackApi.FailNext("chat.postMessage", "msg_too_long", times: 5);

        await ReleaseHeldAsync();
        await ReleaseHeldAsync();

        var deliveries = await Bot.WithDbAsync(db => db.Deliveries.Where(d => ids.Contains(d.Id)).ToListAsync());
        Assert.Equal(2, deliveries.Count);
        Assert.All(deliveries, d => Assert.Equal((DeliveryState.Dead, 1), (d.State, d.Attempts)));
        Assert.Single(SlackApi.CallsTo("chat.postMessage"));
    }

    [Fact]
    public async Task A_held_alert_that_keeps_failing_is_dead_lettered_after_max_attempts()
    {
        var id = await HoldOneAlertAsync();
        SlackApi.StatusNext("chat.postMessage", 500, times: 10);

        for (var run = 0; run < 4; run++)
        {
            await ReleaseHeldAsync();
            await Bot.WithDbAsync(db => db.Deliveries.Where(d => d.Id == id)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.ClaimedUntil, DateTimeOffset.UtcNow.AddSeconds(-1))));
        }

        var delivery = await SlackDeliveryAsync();
        Assert.Equal(DeliveryState.Dead, delivery.State);
        Assert.Equal(3, delivery.Attempts);
        Assert.Equal(3, SlackApi.CallsTo("chat.postMessage").Count);
        Assert.Empty(SlackApi.Messages("C1"));
    }
}
