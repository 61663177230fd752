using Microsoft.Extensions.Time.Testing;
using TradeAlertBot.Feeds.Fetching;
using TradeAlertBot.Jobs;
using static TradeAlertBot.Tests.Jobs.PollFeedJobTests;

namespace TradeAlertBot.Tests.Jobs;

public sealed class PollLeaseTests
{
    private static readonly DateTimeOffset Start = new(2025, 6, 2, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_feed_whose_node_died_mid_poll_is_dispatched_again_within_forty_five_seconds_of_its_last_renewal()
    {
        var time = new FakeTimeProvider(Start);
        using var harness = new PollHarness(time);
        var feedId = await harness.AddFeedAsync("http://127.0.0.1:9/feed.xml");
        await harness.DispatchAsync();
        var held = Start + TimeSpan.FromSeconds(30);
        await using (var db = await harness.OpenAsync())
        {
            // The dead node's poll: it claimed the lease and then stopped renewing it.
            Assert.Single(await PollLease.ClaimAsync(db, [feedId], (Guid)harness.Jobs.Created[0].Args[1], time.GetUtcNow(), held, default));
        }

        time.Advance(TimeSpan.FromSeconds(29));
        await harness.DispatchAsync();
        var whileLeased = harness.Jobs.Created.Count;
        time.Advance(TimeSpan.FromSeconds(2));
        await harness.DispatchAsync();
        bool renewedLate;
        await using (var db = await harness.OpenAsync())
        {
            renewedLate = await PollLease.RenewAsync(db, [feedId], held, time.GetUtcNow() + TimeSpan.FromSeconds(30), default) == 1;
        }

        Assert.Equal(1, whileLeased);
        Assert.Equal(2, harness.Jobs.Created.Count);
        Assert.False(renewedLate, "a node whose lease was taken over renewed it");
        Assert.Equal(TimeSpan.FromSeconds(45), PollLease.TakeoverBound(new FeedsOptions()));
    }

    [Fact]
    public async Task A_poll_that_cannot_reach_the_database_to_renew_its_lease_stops_before_the_lease_lapses_and_records_nothing()
    {
        var time = new FakeTimeProvider(Start);
        var answer = new TaskCompletionSource();
        await using var server = await SlowFeedServer.StartAsync(answer.Task, Rss([Item("story", Start)]));
        using var harness = new PollHarness(time, new() { ["Feeds:Timeout"] = "00:10:00" });
        var feedId = await harness.AddFeedAsync(server.Url);

        await harness.DispatchAsync();
        var poll = harness.RunRecordedAsync(harness.Jobs.Created.Single());
        await server.Requested;
        var claimedUntil = (await harness.FeedAsync(feedId)).PollingUntil;
        harness.Contexts.Broken = true;
        time.Advance(TimeSpan.FromSeconds(10)); // the first renewal fails, 20 s before the lease would lapse
        await poll.WaitAsync(TimeSpan.FromSeconds(30));
        answer.SetResult();

        var feed = await harness.FeedAsync(feedId);
        Assert.Equal(Start + TimeSpan.FromSeconds(30), claimedUntil);
        Assert.Equal(claimedUntil, feed.PollingUntil); // left to lapse: the poll wrote nothing
        Assert.Null(feed.LastStatus);
        Assert.Null(feed.LastFetchedAt);
        Assert.Empty(await harness.StoredTitlesAsync(feedId));
    }

    [Fact]
    public async Task A_job_whose_dispatch_lease_was_replaced_leaves_without_fetching_and_the_newer_job_polls()
    {
        var time = new FakeTimeProvider(Start);
        var answer = new TaskCompletionSource();
        answer.SetResult();
        await using var server = await SlowFeedServer.StartAsync(answer.Task, Rss([Item("story", Start)]));
        using var harness = new PollHarness(time);
        var feedId = await harness.AddFeedAsync(server.Url);

        await harness.DispatchAsync();
        time.Advance(PollLease.Queued + TimeSpan.FromSeconds(1)); // the first job waited in the queue past its lease
        await harness.DispatchAsync();
        await harness.RunRecordedAsync(harness.Jobs.Created[0]);
        var requestsOfTheStaleJob = server.Requests;
        await harness.RunRecordedAsync(harness.Jobs.Created[1]);

        Assert.Equal(0, requestsOfTheStaleJob);
        Assert.Equal(1, server.Requests);
        Assert.Equal("ok: 1 item(s), 1 new", (await harness.FeedAsync(feedId)).LastStatus);
    }

    [Fact]
    public async Task A_poll_run_by_hand_takes_over_a_dispatched_lease_and_the_dispatched_job_then_leaves()
    {
        var time = new FakeTimeProvider(Start);
        using var harness = new PollHarness(time);
        var feedId = await harness.AddFileFeedAsync(Rss([Item("story", Start)]));

        await harness.DispatchAsync();
        await harness.PollAsync(feedId);
        var afterHandPoll = await harness.FeedAsync(feedId);
        await harness.RunRecordedAsync(harness.Jobs.Created.Single());

        Assert.Equal("ok: 1 item(s), 1 new", afterHandPoll.LastStatus);
        Assert.Null(afterHandPoll.PollingUntil);
        Assert.Equal(afterHandPoll.LastFetchedAt, (await harness.FeedAsync(feedId)).LastFetchedAt);
    }
}
