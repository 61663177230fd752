using Microsoft.Extensions.Time.Testing;
using TradeAlertBot.Jobs;

namespace TradeAlertBot.Tests.Jobs;

public sealed class PollFeedJobTests
{
    private static readonly DateTimeOffset Start = new(2025, 6, 2, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_poll_that_outlasts_its_parse_timeout_records_a_parse_timeout_and_stores_nothing()
    {
        using var harness = new PollHarness(TimeProvider.System, new() { ["Feeds:ParseTimeout"] = "00:00:00.001" });
        var feedId = await harness.AddFileFeedAsync(Rss(Enumerable.Range(1, 2_000).Select(i => Item($"Steel tariff story {i}", Start.AddMinutes(-i), new string('x', 400)))));

        await harness.PollAsync(feedId);

        var feed = await harness.FeedAsync(feedId);
        Assert.Equal("error: parse timeout", feed.LastStatus);
        Assert.Equal("parse: not parsed and classified within 0.001 s (Feeds:ParseTimeout)", feed.LastError);
        Assert.Equal(1, feed.ConsecutiveErrors);
        Assert.Null(feed.PollingUntil);
        Assert.Empty(await harness.StoredTitlesAsync(feedId));
    }

    [Fact]
    public async Task Items_over_the_per_poll_cap_come_newest_first_and_the_rest_on_the_next_polls()
    {
        using var harness = new PollHarness(new FakeTimeProvider(Start), new() { ["Feeds:MaxItemsPerPoll"] = "2" });
        var feedId = await harness.AddFileFeedAsync(Rss(Enumerable.Range(1, 5).Select(i => Item($"story {i}", Start.AddHours(-i)))));

        await harness.PollAsync(feedId);
        var first = await harness.FeedAsync(feedId);
        await harness.PollAsync(feedId);
        await harness.PollAsync(feedId);
        var third = await harness.FeedAsync(feedId);
        await harness.PollAsync(feedId);

        Assert.Equal("ok: 5 item(s), 2 new, 3 left for the next poll", first.LastStatus);
        Assert.Null(first.LastModified); // sent back, it would earn a 304 and the three would never come
        Assert.Equal(["story 1", "story 2", "story 3", "story 4", "story 5"], await harness.StoredTitlesAsync(feedId));
        Assert.NotNull(third.LastModified);
        Assert.Equal("ok: not modified", (await harness.FeedAsync(feedId)).LastStatus);
    }

    [Fact]
    public async Task A_feed_whose_poll_is_still_running_is_not_leased_again()
    {
        var time = new FakeTimeProvider(Start);
        var answer = new TaskCompletionSource();
        await using var server = await SlowFeedServer.StartAsync(answer.Task, Rss([Item("story", Start)]));
        using var harness = new PollHarness(time, new() { ["Feeds:Timeout"] = "00:10:00" });
        var feedId = await harness.AddFeedAsync(server.Url);

        await harness.DispatchAsync();
        time.Advance(TimeSpan.FromMinutes(4)); // the job waited for a worker, nearly as long as dispatch's lease
        var poll = harness.RunRecordedAsync(harness.Jobs.Created.Single());
        await server.Requested; // the poll has started and is waiting on the fetch
        for (var renewal = 0; renewal < 12; renewal++) // two minutes: past the lease dispatch took
        {
            time.Advance(TimeSpan.FromSeconds(10));
            await harness.WaitForLeaseAsync(feedId, time.GetUtcNow() + TimeSpan.FromSeconds(30));
        }

        await harness.DispatchAsync();
        answer.SetResult();
        await poll;

        Assert.Single(harness.Jobs.Created, job => job.Type == typeof(PollFeedsJob));
        Assert.Equal("ok: 1 item(s), 1 new", (await harness.FeedAsync(feedId)).LastStatus);
        Assert.Null((await harness.FeedAsync(feedId)).PollingUntil);
    }

    [Fact]
    public async Task A_second_job_for_a_feed_being_polled_leaves_without_fetching()
    {
        var time = new FakeTimeProvider(Start);
        var answer = new TaskCompletionSource();
        await using var server = await SlowFeedServer.StartAsync(answer.Task, Rss([Item("story", Start)]));
        using var harness = new PollHarness(time);
        var feedId = await harness.AddFeedAsync(server.Url);

        var first = harness.PollAsync(feedId);
        await server.Requested; // the first poll is waiting on the fetch
        var second = harness.PollAsync(feedId); // e.g. a job that waited in the queue past dispatch's lease
        var leftAtOnce = await Task.WhenAny(second, Task.Delay(TimeSpan.FromSeconds(20))) == second;
        answer.SetResult();
        await second;
        await first;

        Assert.True(leftAtOnce, "the second job waited on the fetch instead of leaving");
        Assert.Equal(1, server.Requests);
        Assert.Equal("ok: 1 item(s), 1 new", (await harness.FeedAsync(feedId)).LastStatus);
    }

    internal static string Rss(IEnumerable<string> items) =>
        $"<rss version=\"2.0\"><channel><title>Trade</title>{string.Concat(items)}</channel></rss>";

    internal static string Item(string title, DateTimeOffset published, string body = "") =>
        $"<item><title>{title}</title><guid>{title}</guid><description>{body}</description><pubDate>{published:R}</pubDate></item>";
}
