using Microsoft.EntityFrameworkCore;
using TradeAlertBot.IntegrationTests.Fakes;
using TradeAlertBot.Jobs;

namespace TradeAlertBot.IntegrationTests.Specs;

/// <summary>Feeds that misbehave: each poll records a clear error on the feed, stores nothing and keeps the feed.</summary>
public sealed class FeedFaultSpecs : IAsyncLifetime
{
    private readonly string _database = TradeAlertBotFactory.NewDatabasePath();
    private FeedServer _server = null!;
    private TradeAlertBotFactory _host = null!;

    public async Task InitializeAsync()
    {
        _server = await FeedServer.StartAsync();
        _host = new TradeAlertBotFactory(_database, settings: new Dictionary<string, string>
        {
            ["Feeds:Timeout"] = "00:00:01",
            ["Feeds:MaxBytes"] = "65536",
        });
        _ = _host.Server;
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _server.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_database);
    }

    private async Task<Storage.Entities.Feed> PollOnceAsync(string path)
    {
        var feedId = await Scenario.AddFeedAsync(_host, _server.Url(path), due: false);
        await _host.RunJobAsync<PollFeedJob>(job => job.RunAsync(feedId, CancellationToken.None));
        var feed = await Scenario.FeedAsync(_host, feedId);
        Assert.Equal(1, feed.ConsecutiveErrors);
        Assert.True(feed.Enabled);
        Assert.Null(feed.PollingUntil);
        Assert.Equal(0, await _host.WithDbAsync(db => db.Items.CountAsync()));
        return feed;
    }

    [Fact]
    public async Task Too_many_requests_waits_as_long_as_retry_after_asks()
    {
        _server.Status("/busy.xml", 429, retryAfter: "7200");

        var feed = await PollOnceAsync("/busy.xml");

        Assert.Contains("429", feed.LastError);
        Assert.Equal("error: RateLimited", feed.LastStatus);
        Assert.True(feed.NextPollAt - feed.LastFetchedAt!.Value >= TimeSpan.FromHours(2), "Retry-After: 7200 is honoured");
    }

    [Fact]
    public async Task A_feed_slower_than_the_timeout_is_given_up_with_a_timeout_error()
    {
        _server.Slow("/slow.xml", TimeSpan.FromSeconds(10), Rss.Feed("Slow", TradeNews.Tariff));

        var feed = await PollOnceAsync("/slow.xml");

        Assert.Equal("error: Timeout", feed.LastStatus);
        Assert.Contains("no complete response within 1 s", feed.LastError);
    }

    [Fact]
    public async Task A_body_over_the_size_cap_is_cut_off_and_refused()
    {
        _server.Huge("/huge.xml", bytes: 10 * 1024 * 1024);

        var feed = await PollOnceAsync("/huge.xml");

        Assert.Equal("error: TooLarge", feed.LastStatus);
        Assert.Contains("64 KiB cap", feed.LastError);
    }

    [Fact]
    public async Task A_redirect_loop_stops_after_five_hops()
    {
        _server.Redirect("/a.xml", "/b.xml", status: 302);
        _server.Redirect("/b.xml", "/a.xml", status: 302);

        var feed = await PollOnceAsync("/a.xml");

        Assert.Equal("error: TooManyRedirects", feed.LastStatus);
        Assert.Contains("more than 5 redirects", feed.LastError);
        Assert.Equal(6, _server.Hits("/a.xml") + _server.Hits("/b.xml"));
        Assert.Equal(_server.Url("/a.xml").AbsoluteUri, feed.Url);
    }

    [Fact]
    public async Task A_malformed_feed_is_reported_unparseable()
    {
        _server.Serve("/broken.xml", "<rss version=\"2.0\"><channel><title>Broken</title><item><title>Cut off");

        var feed = await PollOnceAsync("/broken.xml");

        Assert.Equal("error: unparseable", feed.LastStatus);
        Assert.False(string.IsNullOrWhiteSpace(feed.LastError));
    }

    [Fact]
    public async Task A_failing_feeds_credentials_are_not_shown_in_health_or_the_feeds_reply()
    {
        _server.Status("/private.xml", 500);
        var url = new UriBuilder(_server.Url("/private.xml")) { UserName = "bob", Password = "hunter2", Query = "apikey=s3cret" }.Uri;
        var feedId = await Scenario.AddFeedAsync(_host, url, due: false);
        await _host.WithDbAsync(db => db.Feeds.Where(f => f.Id == feedId)
            .ExecuteUpdateAsync(s => s.SetProperty(f => f.ConsecutiveErrors, 3).SetProperty(f => f.LastError, "fetch: 500")));

        var health = await _host.CreateClient().GetStringAsync("/healthz");
        await using var scope = _host.Services.CreateAsyncScope();
        var reply = await scope.ServiceProvider.GetRequiredService<Commands.CommandRouter>()
            .RunAsync(new Core.Commands.CommandContext("slack", "slack", "C1", "U1"), "feeds", CancellationToken.None);
        var feeds = Core.Commands.PlainReplyText.Render(reply);

        Assert.Contains("/private.xml?apikey=***", health);
        Assert.Contains("/private.xml?apikey=***", feeds);
        foreach (var shown in new[] { health, feeds })
        {
            Assert.DoesNotContain("s3cret", shown);
            Assert.DoesNotContain("hunter2", shown);
        }
    }
}
