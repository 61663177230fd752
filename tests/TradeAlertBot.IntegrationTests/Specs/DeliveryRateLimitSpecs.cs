using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TradeAlertBot.Deliveries;
using TradeAlertBot.IntegrationTests.Fakes;
using TradeAlertBot.Jobs;
using TradeAlertBot.Storage.Entities;
using TradeAlertBot.TestFakes;

namespace TradeAlertBot.IntegrationTests.Specs;

/// <summary>Rate limits and storms delay alerts but lose and duplicate nothing.</summary>
public sealed class DeliveryRateLimitSpecs : DeliveryFaultHost
{
    [Fact]
    public async Task A_429_storm_delays_but_loses_and_duplicates_nothing()
    {
        SlackApi.RateLimitNext("chat.postMessage", retryAfterSeconds: 1, times: 6);

        await PollAsync(TradeNews.Tariff, StormItem(1), StormItem(2));
        await WaitSentAsync(3);

        Assert.Equal(3, SlackApi.Messages("C1").Count);
        Assert.Equal(3, SlackApi.Messages("C1").Select(m => m.Text).Distinct().Count());
        Assert.Equal(9, SlackApi.CallsTo("chat.postMessage").Count);
        Assert.False(await Bot.WithDbAsync(db => db.Deliveries.AnyAsync(d => d.HeldFor != null)), "retries of a rate-limited alert do not count as a storm");
    }

    [Fact]
    public async Task A_burst_posts_alerts_up_to_the_storm_threshold_then_one_summary()
    {
        var burst = Enumerable.Range(1, 50).Select(StormItem).ToArray();

        await PollAsync(burst);
        await Bot.WaitUntilAsync(db => db.Items.CountAsync().ContinueWith(t => t.Result == 50));
        var stories = await Bot.WithDbAsync(db => db.Deliveries.CountAsync(d => d.Destination!.Kind == "slack"));
        await Bot.WaitUntilAsync(db => db.Deliveries.CountAsync(d => d.Destination!.Kind == "slack"
            && (d.State == DeliveryState.Sent || d.HeldFor == "storm")).ContinueWith(t => t.Result == stories), TimeSpan.FromSeconds(60));
        Assert.Equal(10, SlackApi.Messages("C1").Count);

        // Time passes: the storm window ends.
        await Bot.WithDbAsync(db => db.Destinations.Where(d => d.Kind == "slack").ExecuteUpdateAsync(s => s
            .SetProperty(d => d.StormUntil, DateTimeOffset.UtcNow.AddSeconds(-1))
            .SetProperty(d => d.StormWindowStart, DateTimeOffset.UtcNow.AddMinutes(-5))
            .SetProperty(d => d.NextSendAt, (DateTimeOffset?)null)));
        await Bot.RunJobAsync<HeldAlertsJob>(job => job.RunAsync(CancellationToken.None));

        var messages = SlackApi.Messages("C1");
        Assert.Equal(11, messages.Count);
        Assert.Contains($"{stories - 10} new", messages[^1].Text);
        Assert.True(stories >= 45, $"the 50 items make distinct stories ({stories})");
        Assert.True(await Bot.WithDbAsync(db => db.Deliveries.Where(d => d.Destination!.Kind == "slack").AllAsync(d => d.State == DeliveryState.Sent)));
    }

    [Fact]
    public async Task Alerts_to_one_channel_are_spaced_by_its_rate_limit()
    {
        await PollAsync(StormItem(1), StormItem(2), StormItem(3));
        await WaitSentAsync(3);

        var sent = (await Bot.WithDbAsync(db => db.Deliveries.Where(d => d.Destination!.Kind == "slack").Select(d => d.SentAt!.Value).ToListAsync()))
            .Order().ToList();
        Assert.All(sent.Zip(sent.Skip(1)), pair => Assert.True(pair.Second - pair.First >= TimeSpan.FromMilliseconds(150), $"{pair.First:O} → {pair.Second:O}"));
    }
}
