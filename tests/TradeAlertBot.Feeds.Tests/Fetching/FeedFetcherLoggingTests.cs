using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;
using TradeAlertBot.Feeds.Fetching;

namespace TradeAlertBot.Feeds.Tests.Fetching;

public class FeedFetcherLoggingTests
{
    [Fact]
    public async Task A_fetch_is_logged_without_the_feeds_credentials()
    {
        await using var server = await LocalFeedServer.StartAsync(app => app.MapGet("/feed", context =>
            LocalFeedServer.WriteAsync(context, FeedResponses.Rss, "application/rss+xml")));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(FetcherHost.LocalSettings()).Build();
        var services = new ServiceCollection();
        services.AddFakeLogging();
        services.AddFeeds(configuration);
        using var provider = services.BuildServiceProvider();
        var url = new UriBuilder(server.Url("/feed")) { UserName = "bob", Password = "hunter2", Query = "apikey=s3cret" }.Uri;

        await provider.GetRequiredService<FeedFetcher>().FetchAsync(new FeedRequest(url), CancellationToken.None);

        var logged = provider.GetFakeLogCollector().GetSnapshot();
        Assert.Contains(logged, r => r.Message.Contains("/feed?apikey=***", StringComparison.Ordinal));
        Assert.DoesNotContain(logged, r => r.Message.Contains("s3cret", StringComparison.Ordinal) || r.Message.Contains("hunter2", StringComparison.Ordinal));
    }
}
