using Microsoft.Extensions.Time.Testing;
using TradeAlertBot.Jobs;
using static TradeAlertBot.Tests.Jobs.PollFeedJobTests;

namespace TradeAlertBot.Tests.Jobs;

public sealed class PollFeedsJobTests
{
    private static readonly DateTimeOffset Start = new(2025, 6, 2, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task An_unchanged_feed_costs_its_conditional_get_and_one_update_with_no_read_of_its_own()
    {
        var time = new FakeTimeProvider(Start);
        var answer = new TaskCompletionSource();
        answer.SetResult();
        await using var server = await SlowFeedServer.StartAsync(answer.Task, Rss([Item("story", Start)]));
        using var harness = new PollHarness(time, new() { ["Hangfire:WorkerCount"] = "1" }); // one batch
        long[] feedIds = [await harness.AddFeedAsync(server.Url + "?a"), await harness.AddFeedAsync(server.Url + "?b"), await harness.AddFeedAsync(server.Url + "?c")];
        await harness.DispatchAsync();
        await harness.RunRecordedAsync(harness.Jobs.Created.Single());

        time.Advance(TimeSpan.FromMinutes(6)); // past the default interval: due again
        await harness.DispatchAsync();
        harness.PollCommands.Clear();
        await harness.RunRecordedAsync(harness.Jobs.Created.Last());

        var statements = harness.PollCommands.Commands;
        Assert.Equal(6, server.Requests);
        Assert.Equal(3, statements.Count);
        Assert.All(statements, sql => Assert.StartsWith("UPDATE", sql.TrimStart(), StringComparison.Ordinal));
        foreach (var feedId in feedIds)
        {
            var feed = await harness.FeedAsync(feedId);
            Assert.Equal("ok: not modified", feed.LastStatus);
            Assert.Null(feed.PollingUntil);
            Assert.Equal(Start + TimeSpan.FromMinutes(11), feed.NextPollAt);
        }
    }

    [Fact]
    public async Task Dispatch_splits_due_feeds_into_batches_so_every_worker_gets_one()
    {
        using var harness = new PollHarness(new FakeTimeProvider(Start), new() { ["Hangfire:WorkerCount"] = "4" });
        for (var i = 0; i < 10; i++)
        {
            await harness.AddFileFeedAsync(Rss([Item($"story {i}", Start)]));
        }

        await harness.DispatchAsync();

        Assert.Equal([3, 3, 3, 1], harness.Jobs.Created.Select(job => ((long[])job.Args[0]).Length));
        Assert.Single(harness.Jobs.Created.Select(job => job.Args[1]).Distinct());
    }
}
