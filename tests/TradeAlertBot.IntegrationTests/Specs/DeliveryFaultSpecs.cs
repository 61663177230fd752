using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TradeAlertBot.Deliveries;
using TradeAlertBot.IntegrationTests.Fakes;
using TradeAlertBot.Jobs;
using TradeAlertBot.Storage.Entities;
using TradeAlertBot.TestFakes;

namespace TradeAlertBot.IntegrationTests.Specs;

/// <summary>Alerts arrive exactly once whatever the chat API does: errors, lost answers, interrupted attempts.</summary>
public sealed class DeliveryFaultSpecs : DeliveryFaultHost
{
    [Fact]
    public async Task Server_errors_are_retried_with_backoff_and_the_alert_arrives_once()
    {
        SlackApi.StatusNext("chat.postMessage", 500, times: 2);

        await PollAsync();
        await WaitSentAsync(1);

        Assert.Single(SlackApi.Messages("C1"));
        Assert.Equal(3, SlackApi.CallsTo("chat.postMessage").Count);
        Assert.Equal(3, (await SlackDeliveryAsync()).Attempts);
    }

    [Fact]
    public async Task A_post_that_times_out_is_retried_and_arrives_once()
    {
        SlackApi.DelayNext("chat.postMessage", TimeSpan.FromSeconds(4));

        await PollAsync();
        await WaitSentAsync(1);
        await SlackApi.IdleAsync(); // the slow first post has been handled: had it been stored, it would show now

        Assert.Single(SlackApi.Messages("C1"));
        Assert.Equal(2, SlackApi.CallsTo("chat.postMessage").Count);
        Assert.Single(SlackApi.CallsTo("conversations.history")); // the timed-out attempt was uncertain: looked up first
        Assert.Equal(2, (await SlackDeliveryAsync()).Attempts);
    }

    [Fact]
    public async Task A_post_whose_connection_dropped_after_it_was_stored_is_found_and_not_posted_again()
    {
        SlackApi.AcceptThenDropNext();

        await PollAsync();
        await WaitSentAsync(1);

        Assert.Single(SlackApi.Messages("C1"));
        Assert.Single(SlackApi.CallsTo("chat.postMessage"));
        Assert.Equal(SlackApi.Messages("C1")[0].Ts, (await SlackDeliveryAsync()).MessageId);
    }

    [Fact]
    public async Task A_post_whose_answer_was_lost_is_found_by_its_metadata_and_not_posted_again()
    {
        SlackApi.AcceptThenFailNext();

        await PollAsync();
        await WaitSentAsync(1);

        var message = Assert.Single(SlackApi.Messages("C1"));
        Assert.Single(SlackApi.CallsTo("chat.postMessage"));
        Assert.Single(SlackApi.CallsTo("conversations.history"));
        var delivery = await SlackDeliveryAsync();
        Assert.Equal(message.Ts, delivery.MessageId);
        Assert.Equal(delivery.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            message.Body["metadata"]!["event_payload"]!["delivery_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_delivery_left_sending_by_a_crashed_process_is_recovered_without_a_duplicate()
    {
        // The first process claimed the row, posted it (tagged with the delivery id) and died before recording it.
        await Bot.WithDbAsync(db => db.Destinations.Where(d => d.Kind == "slack").ExecuteUpdateAsync(s => s.SetProperty(d => d.Paused, true)));
        await PollAsync();
        await Bot.WaitUntilAsync(db => db.Deliveries.AnyAsync(d => d.Destination!.Kind == "slack"));
        // The row's own job (and the start-up sweep) find the channel paused and leave the row; were one still to
        // run once the channel is resumed below, it would post a second time, which is not what this spec is about.
        await Bot.WaitForJobsAsync();
        var id = (await SlackDeliveryAsync()).Id;
        var metadata = new System.Text.Json.Nodes.JsonObject
        {
            ["event_type"] = "tradealertbot_alert",
            ["event_payload"] = new System.Text.Json.Nodes.JsonObject { ["delivery_id"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        };
        using var http = new HttpClient();
        await new Slack.Api.SlackApiClient(http, new Slack.SlackOptions { ApiBaseUrl = SlackApi.BaseUrl })
            .PostMessageAsync(Token, new Slack.Api.SlackMessage("US imposes 125% tariff on Chinese steel", Channel: "C1", Metadata: metadata), CancellationToken.None);
        await Bot.WithDbAsync(db => db.Destinations.Where(d => d.Kind == "slack").ExecuteUpdateAsync(s => s.SetProperty(d => d.Paused, false)));
        await Bot.WithDbAsync(db => db.Deliveries.Where(d => d.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(d => d.State, DeliveryState.Sending).SetProperty(d => d.ClaimedUntil, DateTimeOffset.UtcNow.AddMinutes(-1))));

        await Bot.RunJobAsync<DeliverJob>(job => job.RunAsync(id, CancellationToken.None)); // the restarted process

        Assert.Single(SlackApi.Messages("C1"));
        Assert.Equal(DeliveryState.Sent, (await SlackDeliveryAsync()).State);
    }

    [Fact]
    public async Task A_lookup_rate_limited_by_slack_is_made_again_later_and_the_alert_arrives_once()
    {
        // The post is stored but its answer lost; the "was it posted?" lookup then meets Slack's history limit.
        SlackApi.AcceptThenFailNext();
        SlackApi.RateLimitNext("conversations.history", retryAfterSeconds: 1);

        await PollAsync();
        await WaitSentAsync(1);
        // The row is sent; a blind second post, had the 429 been taken for "not posted", was made before that.
        // Wait until every post Slack received has been answered, so one still in flight would show too.
        await SlackApi.IdleAsync();

        var message = Assert.Single(SlackApi.Messages("C1"));
        Assert.Single(SlackApi.CallsTo("chat.postMessage"));
        var lookups = SlackApi.CallsTo("conversations.history");
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
        await Bot.WithDbAsync(db => db.Destinations.Where(d => d.Kind == "slack").ExecuteUpdateAsync(s => s.SetProperty(d => d.Paused, true)));
        await PollAsync();
        await Bot.WaitUntilAsync(db => db.Deliveries.AnyAsync(d => d.Destination!.Kind == "slack"));
        // The row's own job (and the start-up sweep) find the channel paused and leave the row; were one still to
        // run once the channel is resumed below, it would post a second time, which is not what this spec is about.
        await Bot.WaitForJobsAsync();
        var id = (await SlackDeliveryAsync()).Id;
        var now = DateTimeOffset.UtcNow;
        var stale = SlackApi.AddMessage("C1", now.AddMinutes(-20), "an older alert", new System.Text.Json.Nodes.JsonObject
        {
            ["event_type"] = "tradealertbot_alert",
            ["event_payload"] = new System.Text.Json.Nodes.JsonObject { ["delivery_id"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        });
        await Bot.WithDbAsync(db => db.Deliveries.Where(d => d.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(d => d.State, DeliveryState.Sending).SetProperty(d => d.ClaimedUntil, now.AddMinutes(-1))
            .SetProperty(d => d.CreatedAt, now.AddMinutes(-30)).SetProperty(d => d.AttemptedAt, now.AddMinutes(-3))));
        await Bot.WithDbAsync(db => db.Destinations.Where(d => d.Kind == "slack").ExecuteUpdateAsync(s => s.SetProperty(d => d.Paused, false)));

        await Bot.RunJobAsync<DeliverJob>(job => job.RunAsync(id, CancellationToken.None)); // the restarted process
        await WaitSentAsync(1);

        var lookup = Assert.Single(SlackApi.CallsTo("conversations.history"));
        var oldest = double.Parse(lookup.Field("oldest")!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(oldest > double.Parse(stale, System.Globalization.CultureInfo.InvariantCulture), $"oldest {lookup.Field("oldest")} reaches back to {stale}");
        Assert.InRange(int.Parse(lookup.Field("limit")!, System.Globalization.CultureInfo.InvariantCulture), 1, 15);
        Assert.NotNull(lookup.Field("latest"));
        var delivery = await SlackDeliveryAsync();
        Assert.Equal(DeliveryState.Sent, delivery.State);
        Assert.NotEqual(stale, delivery.MessageId);
        Assert.Equal(2, SlackApi.Messages("C1").Count);
    }
}
