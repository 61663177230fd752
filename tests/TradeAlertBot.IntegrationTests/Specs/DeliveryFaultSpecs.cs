using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TradeAlertBot.IntegrationTests.Fakes;
using TradeAlertBot.Jobs;
using TradeAlertBot.Storage.Entities;
using TradeAlertBot.TestFakes;

namespace TradeAlertBot.IntegrationTests.Specs;

/// <summary>Alerts arrive exactly once whatever the chat API does: errors, lost answers, rate limits, storms.</summary>
public sealed class DeliveryFaultSpecs : IAsyncLifetime
{
    private const string Secret = "fault-signing-secret";
    private const string Token = "xoxb-fault";
    private readonly string _database = TradeAlertBotFactory.NewDatabasePath();
    private readonly string _keys = Path.Combine(Path.GetTempPath(), $"tab-keys-{Guid.NewGuid():n}");
    private FeedServer _feeds = null!;
    private FakeSlackApi _slack = null!;
    private TradeAlertBotFactory _host = null!;
    private SlackCommandSender _send = null!;

    public async Task InitializeAsync()
    {
        _feeds = await FeedServer.StartAsync();
        _slack = await FakeSlackApi.StartAsync(Token);
        _host = new TradeAlertBotFactory(_database, settings: new Dictionary<string, string>
        {
            ["Slack:SigningSecret"] = Secret,
            ["Slack:BotToken"] = Token,
            ["Slack:ApiBaseUrl"] = _slack.BaseUrl.AbsoluteUri,
            ["DataProtection:KeysPath"] = _keys,
            ["Delivery:RetryDelay"] = "00:00:01",
            ["Delivery:MaxRetryDelay"] = "00:00:02",
            ["Delivery:MaxAttempts"] = "3",
            ["Delivery:StormThreshold"] = "10",
            ["Delivery:StormWindow"] = "00:00:05",
            ["Delivery:MinInterval:slack"] = "00:00:00.200",
            // A short wait for a locked database, so the locked-database spec is quick.
            ["ConnectionStrings:Default"] = $"Data Source={_database};Default Timeout=2",
            ["Storage:BusyTimeout"] = "00:00:01",
            ["Slack:Timeout"] = "00:00:01",
        });
        _send = new SlackCommandSender(_host.CreateClient(), Secret);
        Assert.Equal(HttpStatusCode.OK, (await _send.CommandAsync("subscribe new-tariffs", channel: "C1")).StatusCode);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _slack.DisposeAsync();
        await _feeds.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_database);
        if (Directory.Exists(_keys))
        {
            Directory.Delete(_keys, recursive: true);
        }
    }

    private async Task PollAsync(params Rss.Item[] items)
    {
        _feeds.Serve("/wire.xml", Rss.Feed("Trade Wire", items.Length > 0 ? items : [TradeNews.Tariff]));
        await Scenario.AddFeedAsync(_host, _feeds.Url("/wire.xml"));
        await _host.RunJobAsync<DispatchFeedsJob>(job => job.RunAsync(CancellationToken.None));
    }

    private Task<Delivery> SlackDeliveryAsync() =>
        _host.WithDbAsync(db => db.Deliveries.SingleAsync(d => d.Destination!.Kind == "slack"));

    // These specs are about what arrives, not how fast (the delivery benchmarks time that): the wait is generous so a
    // loaded CI machine, running other test assemblies beside this one, cannot fail them.
    private Task WaitSentAsync(int count) => _host.WaitUntilAsync(db =>
        db.Deliveries.CountAsync(d => d.Destination!.Kind == "slack" && d.State == DeliveryState.Sent).ContinueWith(t => t.Result >= count),
        TimeSpan.FromSeconds(150));

    [Fact]
    public async Task Server_errors_are_retried_with_backoff_and_the_alert_arrives_once()
    {
        _slack.StatusNext("chat.postMessage", 500, times: 2);

        await PollAsync();
        await WaitSentAsync(1);

        Assert.Single(_slack.Messages("C1"));
        Assert.Equal(3, _slack.CallsTo("chat.postMessage").Count);
        Assert.Equal(3, (await SlackDeliveryAsync()).Attempts);
    }

    [Fact]
    public async Task A_post_that_times_out_is_retried_and_arrives_once()
    {
        _slack.DelayNext("chat.postMessage", TimeSpan.FromSeconds(3));

        await PollAsync();
        await WaitSentAsync(1);
        await Task.Delay(TimeSpan.FromSeconds(3)); // the slow first answer, had it been stored, has landed by now

        Assert.Single(_slack.Messages("C1"));
        Assert.Equal(2, _slack.CallsTo("chat.postMessage").Count);
        Assert.Single(_slack.CallsTo("conversations.history")); // the timed-out attempt was uncertain: looked up first
        Assert.Equal(2, (await SlackDeliveryAsync()).Attempts);
    }

    [Fact]
    public async Task A_post_whose_connection_dropped_after_it_was_stored_is_found_and_not_posted_again()
    {
        _slack.AcceptThenDropNext();

        await PollAsync();
        await WaitSentAsync(1);

        Assert.Single(_slack.Messages("C1"));
        Assert.Single(_slack.CallsTo("chat.postMessage"));
        Assert.Equal(_slack.Messages("C1")[0].Ts, (await SlackDeliveryAsync()).MessageId);
    }

    [Fact]
    public async Task A_post_whose_answer_was_lost_is_found_by_its_metadata_and_not_posted_again()
    {
        _slack.AcceptThenFailNext();

        await PollAsync();
        await WaitSentAsync(1);

        var message = Assert.Single(_slack.Messages("C1"));
        Assert.Single(_slack.CallsTo("chat.postMessage"));
        Assert.Single(_slack.CallsTo("conversations.history"));
        var delivery = await SlackDeliveryAsync();
        Assert.Equal(message.Ts, delivery.MessageId);
        Assert.Equal(delivery.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            message.Body["metadata"]!["event_payload"]!["delivery_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_delivery_left_sending_by_a_crashed_process_is_recovered_without_a_duplicate()
    {
        // The first process claimed the row, posted it (tagged with the delivery id) and died before recording it.
        await _host.WithDbAsync(db => db.Destinations.Where(d => d.Kind == "slack").ExecuteUpdateAsync(s => s.SetProperty(d => d.Paused, true)));
        await PollAsync();
        await _host.WaitUntilAsync(db => db.Deliveries.AnyAsync(d => d.Destination!.Kind == "slack"));
        var id = (await SlackDeliveryAsync()).Id;
        var metadata = new System.Text.Json.Nodes.JsonObject
        {
            ["event_type"] = "tradealertbot_alert",
            ["event_payload"] = new System.Text.Json.Nodes.JsonObject { ["delivery_id"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        };
        using var http = new HttpClient();
        await new Slack.Api.SlackApiClient(http, new Slack.Api.SlackApiOptions { ApiBaseUrl = _slack.BaseUrl })
            .PostMessageAsync(Token, new Slack.Api.SlackMessage("US imposes 125% tariff on Chinese steel", Channel: "C1", Metadata: metadata), CancellationToken.None);
        await _host.WithDbAsync(db => db.Destinations.Where(d => d.Kind == "slack").ExecuteUpdateAsync(s => s.SetProperty(d => d.Paused, false)));
        await _host.WithDbAsync(db => db.Deliveries.Where(d => d.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(d => d.State, DeliveryState.Sending).SetProperty(d => d.ClaimedUntil, DateTimeOffset.UtcNow.AddMinutes(-1))));

        await _host.RunJobAsync<DeliverJob>(job => job.RunAsync(id, CancellationToken.None)); // the restarted process

        Assert.Single(_slack.Messages("C1"));
        Assert.Equal(DeliveryState.Sent, (await SlackDeliveryAsync()).State);
    }

    [Fact]
    public async Task A_lookup_rate_limited_by_slack_is_made_again_later_and_the_alert_arrives_once()
    {
        // The post is stored but its answer lost; the "was it posted?" lookup then meets Slack's history limit.
        _slack.AcceptThenFailNext();
        _slack.RateLimitNext("conversations.history", retryAfterSeconds: 1);

        await PollAsync();
        await WaitSentAsync(1);
        await Task.Delay(TimeSpan.FromSeconds(2)); // a blind second post, had one been scheduled, has landed by now

        var message = Assert.Single(_slack.Messages("C1"));
        Assert.Single(_slack.CallsTo("chat.postMessage"));
        var lookups = _slack.CallsTo("conversations.history");
        Assert.Equal(2, lookups.Count);
        Assert.All(lookups, call =>
        {
            Assert.NotNull(call.Field("oldest"));
            Assert.NotNull(call.Field("latest"));
            Assert.InRange(int.Parse(call.Field("limit")!, System.Globalization.CultureInfo.InvariantCulture), 1, 15);
        });
        var delivery = await SlackDeliveryAsync();
        Assert.Equal(message.Ts, delivery.MessageId);
        Assert.Equal(1, delivery.Attempts);
        // The window starts a minute before the uncertain attempt began, not at the story's arrival.
        var attempted = delivery.AttemptedAt!.Value.AddMinutes(-1).ToUnixTimeMilliseconds() / 1000.0;
        Assert.All(lookups, call => Assert.InRange(double.Parse(call.Field("oldest")!, System.Globalization.CultureInfo.InvariantCulture), attempted - 1, attempted + 1));
    }

    [Fact]
    public async Task The_lookup_reads_only_the_interrupted_attempt_s_time_window()
    {
        // The alert waited half an hour (channel paused); its last attempt began 3 minutes ago and the process died
        // before posting. An older message carrying the same delivery id (say, a previous install's database) is
        // outside that attempt's window and must not count as this alert.
        await _host.WithDbAsync(db => db.Destinations.Where(d => d.Kind == "slack").ExecuteUpdateAsync(s => s.SetProperty(d => d.Paused, true)));
        await PollAsync();
        await _host.WaitUntilAsync(db => db.Deliveries.AnyAsync(d => d.Destination!.Kind == "slack"));
        var id = (await SlackDeliveryAsync()).Id;
        var now = DateTimeOffset.UtcNow;
        var stale = _slack.AddMessage("C1", now.AddMinutes(-20), "an older alert", new System.Text.Json.Nodes.JsonObject
        {
            ["event_type"] = "tradealertbot_alert",
            ["event_payload"] = new System.Text.Json.Nodes.JsonObject { ["delivery_id"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        });
        await _host.WithDbAsync(db => db.Deliveries.Where(d => d.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(d => d.State, DeliveryState.Sending).SetProperty(d => d.ClaimedUntil, now.AddMinutes(-1))
            .SetProperty(d => d.CreatedAt, now.AddMinutes(-30)).SetProperty(d => d.AttemptedAt, now.AddMinutes(-3))));
        await _host.WithDbAsync(db => db.Destinations.Where(d => d.Kind == "slack").ExecuteUpdateAsync(s => s.SetProperty(d => d.Paused, false)));

        await _host.RunJobAsync<DeliverJob>(job => job.RunAsync(id, CancellationToken.None)); // the restarted process
        await WaitSentAsync(1);

        var lookup = Assert.Single(_slack.CallsTo("conversations.history"));
        var oldest = double.Parse(lookup.Field("oldest")!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(oldest > double.Parse(stale, System.Globalization.CultureInfo.InvariantCulture), $"oldest {lookup.Field("oldest")} reaches back to {stale}");
        Assert.InRange(int.Parse(lookup.Field("limit")!, System.Globalization.CultureInfo.InvariantCulture), 1, 15);
        Assert.NotNull(lookup.Field("latest"));
        var delivery = await SlackDeliveryAsync();
        Assert.Equal(DeliveryState.Sent, delivery.State);
        Assert.NotEqual(stale, delivery.MessageId);
        Assert.Equal(2, _slack.Messages("C1").Count);
    }

    [Fact]
    public async Task A_host_stopped_while_a_post_is_in_flight_loses_nothing_and_posts_nothing_twice_after_restart()
    {
        _slack.DelayNext("chat.postMessage", TimeSpan.FromSeconds(3));
        await PollAsync();
        await _host.WaitUntilAsync(db => db.Deliveries.AnyAsync(d => d.Destination!.Kind == "slack" && d.State == DeliveryState.Sending));

        await _host.DisposeAsync(); // the post is still in flight
        _host = new TradeAlertBotFactory(_database, settings: new Dictionary<string, string>
        {
            ["Slack:SigningSecret"] = Secret,
            ["Slack:BotToken"] = Token,
            ["Slack:ApiBaseUrl"] = _slack.BaseUrl.AbsoluteUri,
            ["DataProtection:KeysPath"] = _keys,
        });
        // Time passes: the dead worker's claim runs out, and the sweep finds the row.
        await _host.WithDbAsync(db => db.Deliveries.ExecuteUpdateAsync(s => s
            .SetProperty(d => d.ClaimedUntil, DateTimeOffset.UtcNow.AddMinutes(-1)).SetProperty(d => d.CreatedAt, DateTimeOffset.UtcNow.AddMinutes(-5))));
        await _host.RunJobAsync<DispatchFeedsJob>(job => job.RunAsync(CancellationToken.None));
        await WaitSentAsync(1);
        await Task.Delay(TimeSpan.FromSeconds(4)); // anything still in flight from the first host has landed

        Assert.Single(_slack.Messages("C1"));
        Assert.Equal(1, await _host.WithDbAsync(db => db.Items.CountAsync()));
    }

    [Fact]
    public async Task A_database_locked_during_routing_fails_the_poll_and_the_next_poll_stores_the_item()
    {
        _feeds.Serve("/wire.xml", Rss.Feed("Trade Wire", TradeNews.Tariff));
        var feedId = await Scenario.AddFeedAsync(_host, _feeds.Url("/wire.xml"), due: false);

        // Another writer holds the database longer than the busy timeout (1 s here), then lets go.
        await using (var locker = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_database};Pooling=false"))
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
            var error = await Record.ExceptionAsync(() => _host.RunJobAsync<PollFeedJob>(job => job.RunAsync(feedId, CancellationToken.None)));
            Assert.Contains("locked", error?.InnerException?.Message ?? error?.Message);
            await release;
        }

        Assert.Null((await Scenario.FeedAsync(_host, feedId)).ETag); // validators not advanced: the next fetch brings the items again
        Assert.Equal(0, await _host.WithDbAsync(db => db.Items.CountAsync()));

        await _host.RunJobAsync<PollFeedJob>(job => job.RunAsync(feedId, CancellationToken.None));

        Assert.Equal(1, await _host.WithDbAsync(db => db.Items.CountAsync()));
        Assert.True(await _host.WithDbAsync(db => db.Deliveries.AnyAsync(d => d.Destination!.Kind == "slack")));
    }

    [Fact]
    public async Task A_delivery_that_keeps_failing_is_dead_lettered_and_kept()
    {
        _slack.StatusNext("chat.postMessage", 500, times: 10);

        await PollAsync();
        await _host.WaitUntilAsync(db => db.Deliveries.AnyAsync(d => d.Destination!.Kind == "slack" && d.State == DeliveryState.Dead));

        var delivery = await SlackDeliveryAsync();
        Assert.Equal(3, delivery.Attempts);
        Assert.Contains("500", delivery.LastError);
        Assert.Empty(_slack.Messages("C1"));
    }

    [Fact]
    public async Task A_rejected_message_is_dead_lettered_at_once_without_pausing_the_channel()
    {
        _slack.FailNext("chat.postMessage", "invalid_blocks", times: 5);

        await PollAsync();
        await _host.WaitUntilAsync(db => db.Deliveries.AnyAsync(d => d.Destination!.Kind == "slack" && d.State == DeliveryState.Dead));

        Assert.Single(_slack.CallsTo("chat.postMessage"));
        Assert.False(await _host.WithDbAsync(db => db.Destinations.AnyAsync(d => d.Kind == "slack" && d.Paused)));
    }

    // The alert is stored while the channel is paused, then held (as a mute would) and the channel resumed, so only
    // HeldAlertsJob sends it.
    private async Task<long> HoldOneAlertAsync() => (await HoldAlertsAsync(TradeNews.Tariff)).Single();

    private async Task<List<long>> HoldAlertsAsync(params Rss.Item[] items)
    {
        await _host.WithDbAsync(db => db.Destinations.Where(d => d.Kind == "slack").ExecuteUpdateAsync(s => s.SetProperty(d => d.Paused, true)));
        await PollAsync(items);
        await _host.WaitUntilAsync(db => db.Deliveries.CountAsync(d => d.Destination!.Kind == "slack" && d.State == DeliveryState.Pending && d.ClaimedUntil == null)
            .ContinueWith(t => t.Result == items.Length), TimeSpan.FromSeconds(150));
        var ids = await _host.WithDbAsync(db => db.Deliveries.Where(d => d.Destination!.Kind == "slack").Select(d => d.Id).ToListAsync());
        await _host.WithDbAsync(db => db.Deliveries.Where(d => ids.Contains(d.Id)).ExecuteUpdateAsync(s => s.SetProperty(d => d.HeldFor, "mute")));
        await _host.WithDbAsync(db => db.Destinations.Where(d => d.Kind == "slack").ExecuteUpdateAsync(s => s.SetProperty(d => d.Paused, false)));
        return ids;
    }

    private async Task ReleaseHeldAsync()
    {
        // Time passes: the channel's rate-limit slot (Delivery:MinInterval) has come.
        await _host.WithDbAsync(db => db.Destinations.Where(d => d.Kind == "slack").ExecuteUpdateAsync(s => s.SetProperty(d => d.NextSendAt, (DateTimeOffset?)null)));
        await _host.RunJobAsync<HeldAlertsJob>(job => job.RunAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_held_alert_the_platform_rejects_is_dead_lettered_and_not_retried_every_minute()
    {
        await HoldOneAlertAsync();
        _slack.FailNext("chat.postMessage", "invalid_blocks", times: 5);

        await ReleaseHeldAsync();
        await ReleaseHeldAsync();

        var delivery = await SlackDeliveryAsync();
        Assert.Equal(DeliveryState.Dead, delivery.State);
        Assert.Equal(1, delivery.Attempts);
        Assert.Single(_slack.CallsTo("chat.postMessage"));
        Assert.False(await _host.WithDbAsync(db => db.Destinations.AnyAsync(d => d.Kind == "slack" && d.Paused)));
        Assert.True(await SlackDeliveriesCountedAsync("failed", "rejected"), "the refusal is in /metrics");
    }

    [Fact]
    public async Task A_held_alert_whose_answer_was_lost_is_found_by_its_metadata_and_not_posted_again()
    {
        var id = await HoldOneAlertAsync();
        _slack.AcceptThenFailNext();

        await ReleaseHeldAsync();
        await _host.WithDbAsync(db => db.Deliveries.Where(d => d.Id == id) // its retry is due
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.ClaimedUntil, DateTimeOffset.UtcNow.AddSeconds(-1))));
        await ReleaseHeldAsync();

        var message = Assert.Single(_slack.Messages("C1"));
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
        _slack.FailNext("chat.postMessage", "msg_too_long", times: 5);

        await ReleaseHeldAsync();
        await ReleaseHeldAsync();

        var deliveries = await _host.WithDbAsync(db => db.Deliveries.Where(d => ids.Contains(d.Id)).ToListAsync());
        Assert.Equal(2, deliveries.Count);
        Assert.All(deliveries, d => Assert.Equal((DeliveryState.Dead, 1), (d.State, d.Attempts)));
        Assert.Single(_slack.CallsTo("chat.postMessage"));
    }

    private async Task<bool> SlackDeliveriesCountedAsync(string outcome, string reason)
    {
        var metrics = await _host.CreateClient().GetStringAsync("/metrics");
        return metrics.Split('\n').Any(line => line.StartsWith("tradealertbot_deliveries_total{", StringComparison.Ordinal)
            && line.Contains("kind=\"slack\"", StringComparison.Ordinal) && line.Contains($"outcome=\"{outcome}\"", StringComparison.Ordinal)
            && line.Contains($"reason=\"{reason}\"", StringComparison.Ordinal) && !line.EndsWith(" 0", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_held_alert_that_keeps_failing_is_dead_lettered_after_max_attempts()
    {
        var id = await HoldOneAlertAsync();
        _slack.StatusNext("chat.postMessage", 500, times: 10);

        for (var run = 0; run < 4; run++)
        {
            await ReleaseHeldAsync();
            await _host.WithDbAsync(db => db.Deliveries.Where(d => d.Id == id)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.ClaimedUntil, DateTimeOffset.UtcNow.AddSeconds(-1))));
        }

        var delivery = await SlackDeliveryAsync();
        Assert.Equal(DeliveryState.Dead, delivery.State);
        Assert.Equal(3, delivery.Attempts);
        Assert.Equal(3, _slack.CallsTo("chat.postMessage").Count);
        Assert.Empty(_slack.Messages("C1"));
    }

    [Fact]
    public async Task A_429_storm_delays_but_loses_and_duplicates_nothing()
    {
        _slack.RateLimitNext("chat.postMessage", retryAfterSeconds: 1, times: 6);

        await PollAsync(TradeNews.Tariff, StormItem(1), StormItem(2));
        await WaitSentAsync(3);

        Assert.Equal(3, _slack.Messages("C1").Count);
        Assert.Equal(3, _slack.Messages("C1").Select(m => m.Text).Distinct().Count());
        Assert.Equal(9, _slack.CallsTo("chat.postMessage").Count);
        Assert.False(await _host.WithDbAsync(db => db.Deliveries.AnyAsync(d => d.HeldFor != null)), "retries of a rate-limited alert do not count as a storm");
    }

    [Fact]
    public async Task A_burst_posts_alerts_up_to_the_storm_threshold_then_one_summary()
    {
        var burst = Enumerable.Range(1, 50).Select(StormItem).ToArray();

        await PollAsync(burst);
        await _host.WaitUntilAsync(db => db.Items.CountAsync().ContinueWith(t => t.Result == 50));
        var stories = await _host.WithDbAsync(db => db.Deliveries.CountAsync(d => d.Destination!.Kind == "slack"));
        await _host.WaitUntilAsync(db => db.Deliveries.CountAsync(d => d.Destination!.Kind == "slack"
            && (d.State == DeliveryState.Sent || d.HeldFor == "storm")).ContinueWith(t => t.Result == stories), TimeSpan.FromSeconds(60));
        Assert.Equal(10, _slack.Messages("C1").Count);

        // Time passes: the storm window ends.
        await _host.WithDbAsync(db => db.Destinations.Where(d => d.Kind == "slack").ExecuteUpdateAsync(s => s
            .SetProperty(d => d.StormUntil, DateTimeOffset.UtcNow.AddSeconds(-1))
            .SetProperty(d => d.StormWindowStart, DateTimeOffset.UtcNow.AddMinutes(-1))
            .SetProperty(d => d.NextSendAt, (DateTimeOffset?)null)));
        await _host.RunJobAsync<HeldAlertsJob>(job => job.RunAsync(CancellationToken.None));

        var messages = _slack.Messages("C1");
        Assert.Equal(11, messages.Count);
        Assert.Contains($"{stories - 10} new", messages[^1].Text);
        Assert.True(stories >= 45, $"the 50 items make distinct stories ({stories})");
        Assert.True(await _host.WithDbAsync(db => db.Deliveries.Where(d => d.Destination!.Kind == "slack").AllAsync(d => d.State == DeliveryState.Sent)));
    }

    [Fact]
    public async Task Alerts_to_one_channel_are_spaced_by_its_rate_limit()
    {
        await PollAsync(StormItem(1), StormItem(2), StormItem(3));
        await WaitSentAsync(3);

        var sent = (await _host.WithDbAsync(db => db.Deliveries.Where(d => d.Destination!.Kind == "slack").Select(d => d.SentAt!.Value).ToListAsync()))
            .Order().ToList();
        Assert.All(sent.Zip(sent.Skip(1)), pair => Assert.True(pair.Second - pair.First >= TimeSpan.FromMilliseconds(150), $"{pair.First:O} → {pair.Second:O}"));
    }

    // Distinct tariff stories (each its own story: different countries, products and words).
    private static Rss.Item StormItem(int n)
    {
        string[] countries = ["Vietnam", "Mexico", "Canada", "India", "Japan", "Brazil", "Turkey", "Chile", "Peru", "Egypt", "Kenya", "Norway"];
        string[] products = ["steel", "aluminium", "solar panels", "shrimp", "furniture", "tyres", "copper", "lumber", "cement", "sugar", "textiles", "batteries"];
        var country = countries[(n - 1) % countries.Length];
        var product = products[(n - 1) % products.Length];
        var words = string.Join(' ', Enumerable.Range(0, 12).Select(w => $"w{n}x{w}"));
        return new Rss.Item($"storm-{n}", $"{country} imposes {10 + n}% tariffs on imported {product} lot{n}",
            $"The government of {country} announced new import duties of {10 + n} percent on {product} shipments, "
            + $"citing domestic {product} producers. {words}.", TradeNews.Published);
    }
}
