using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TradeAlertBot.Deliveries;
using TradeAlertBot.IntegrationTests.Fakes;
using TradeAlertBot.Jobs;
using TradeAlertBot.Storage.Entities;
using TradeAlertBot.TestFakes;

namespace TradeAlertBot.IntegrationTests.Specs;

/// <summary>A stopped host, a locked database and messages that keep failing lose nothing and send nothing twice.</summary>
public sealed class DeliveryFailureSpecs : DeliveryFaultHost
{
    [Fact]
    public async Task A_host_stopped_while_a_post_is_in_flight_loses_nothing_and_posts_nothing_twice_after_restart()
    {
        SlackApi.DelayNext("chat.postMessage", TimeSpan.FromSeconds(3));
        await PollAsync();
        await Bot.WaitUntilAsync(db => db.Deliveries.AnyAsync(d => d.Destination!.Kind == "slack" && d.State == DeliveryState.Sending));
        await Bot.WaitUntilAsync(_ => Task.FromResult(SlackApi.CallsTo("chat.postMessage").Count == 1)); // Slack has it

        await Bot.DisposeAsync(); // the post is still in flight
        Bot = new TradeAlertBotFactory(Database, settings: new Dictionary<string, string>
        {
            ["Slack:SigningSecret"] = Secret,
            ["Slack:BotToken"] = Token,
            ["Slack:ApiBaseUrl"] = SlackApi.BaseUrl.AbsoluteUri,
            ["DataProtection:KeysPath"] = Keys,
        });
        // Time passes: the dead worker's claim runs out, and the sweep finds the row.
        await Bot.WithDbAsync(db => db.Deliveries.ExecuteUpdateAsync(s => s
            .SetProperty(d => d.ClaimedUntil, DateTimeOffset.UtcNow.AddMinutes(-1)).SetProperty(d => d.CreatedAt, DateTimeOffset.UtcNow.AddMinutes(-5))));
        await Bot.RunJobAsync<DeliverySweepJob>(job => job.RunAsync(CancellationToken.None));
        await WaitSentAsync(1);
        await SlackApi.IdleAsync(); // the first host's post, still in flight when it stopped, has been answered or dropped

        Assert.Single(SlackApi.Messages("C1"));
        Assert.Equal(1, await Bot.WithDbAsync(db => db.Items.CountAsync()));
    }

    [Fact]
    public async Task A_database_locked_during_routing_fails_the_poll_and_the_next_poll_stores_the_item()
    {
        Feeds.Serve("/wire.xml", Rss.Feed("Trade Wire", TradeNews.Tariff));
        var feedId = await Scenario.AddFeedAsync(Bot, Feeds.Url("/wire.xml"), due: false);

        // Another writer holds the database longer than the busy timeout (1 s here), then lets go.
        await using (var locker = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Database};Pooling=false"))
        {
            await locker.OpenAsync();
            using (var begin = locker.CreateCommand())
            {
                begin.CommandText = "BEGIN IMMEDIATE;";
                await begin.ExecuteNonQueryAsync();
            }

            var release = Task.Run(async () =>
            {
                await Task.Delay(TimeSpan.FromSeconds(6));
                using var commit = locker.CreateCommand();
                commit.CommandText = "COMMIT;";
                await commit.ExecuteNonQueryAsync();
            });
            // The store fails, and so does recording the failure while the lock is held: the job fails loudly.
            var error = await Record.ExceptionAsync(() => Bot.RunJobAsync<PollFeedJob>(job => job.RunAsync(feedId, CancellationToken.None)));
            Assert.Contains("locked", error?.InnerException?.Message ?? error?.Message);
            await release;
        }

        Assert.Null((await Scenario.FeedAsync(Bot, feedId)).ETag); // validators not advanced: the next fetch brings the items again
        Assert.Equal(0, await Bot.WithDbAsync(db => db.Items.CountAsync()));

        await Bot.RunJobAsync<PollFeedJob>(job => job.RunAsync(feedId, CancellationToken.None));

        Assert.Equal(1, await Bot.WithDbAsync(db => db.Items.CountAsync()));
        Assert.True(await Bot.WithDbAsync(db => db.Deliveries.AnyAsync(d => d.Destination!.Kind == "slack")));
    }

    [Fact]
    public async Task A_delivery_that_keeps_failing_is_dead_lettered_and_kept()
    {
        SlackApi.StatusNext("chat.postMessage", 500, times: 10);

        await PollAsync();
        await Bot.WaitUntilAsync(db => db.Deliveries.AnyAsync(d => d.Destination!.Kind == "slack" && d.State == DeliveryState.Dead));

        var delivery = await SlackDeliveryAsync();
        Assert.Equal(3, delivery.Attempts);
        Assert.Contains("500", delivery.LastError);
        Assert.Empty(SlackApi.Messages("C1"));
    }

    [Fact]
    public async Task A_rejected_message_is_dead_lettered_at_once_without_pausing_the_channel()
    {
        SlackApi.FailNext("chat.postMessage", "invalid_blocks", times: 5);

        await PollAsync();
        await Bot.WaitUntilAsync(db => db.Deliveries.AnyAsync(d => d.Destination!.Kind == "slack" && d.State == DeliveryState.Dead));

        Assert.Single(SlackApi.CallsTo("chat.postMessage"));
        Assert.False(await Bot.WithDbAsync(db => db.Destinations.AnyAsync(d => d.Kind == "slack" && d.Paused)));
    }
}
