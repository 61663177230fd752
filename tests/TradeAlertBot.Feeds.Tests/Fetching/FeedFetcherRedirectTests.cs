using System.IO.Compression;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TradeAlertBot.Feeds.Fetching;

namespace TradeAlertBot.Feeds.Tests.Fetching;

public class FeedFetcherRedirectTests
{
    [Fact]
    public async Task A_chain_of_permanent_redirects_reports_the_new_url()
    {
        await using var server = await LocalFeedServer.StartAsync(app =>
        {
            app.MapGet("/old", context => FeedResponses.Redirect(context, 301, "/older"));
            app.MapGet("/older", context => FeedResponses.Redirect(context, 308, "/new"));
            app.MapGet("/new", context => LocalFeedServer.WriteAsync(context, FeedResponses.Rss));
        });
        using var provider = FetcherHost.Build(FetcherHost.LocalSettings());

        var result = await FetcherHost.Fetcher(provider).FetchAsync(new FeedRequest(server.Url("/old")), CancellationToken.None);

        Assert.Equal(server.Url("/new"), result.FinalUrl);
        Assert.Equal(server.Url("/new"), result.PermanentUrl);
        Assert.Equal(["/old", "/older", "/new"], server.Requests.Select(r => r.PathAndQuery));
    }

    [Theory]
    [InlineData(302, 301, null)]
    [InlineData(301, 302, "/middle")]
    [InlineData(307, 308, null)]
    public async Task Only_permanent_moves_from_the_stored_url_change_it(int first, int second, string? expectedPermanent)
    {
        await using var server = await LocalFeedServer.StartAsync(app =>
        {
            app.MapGet("/start", context => FeedResponses.Redirect(context, first, "/middle"));
            app.MapGet("/middle", context => FeedResponses.Redirect(context, second, "/end"));
            app.MapGet("/end", context => LocalFeedServer.WriteAsync(context, FeedResponses.Rss));
        });
        using var provider = FetcherHost.Build(FetcherHost.LocalSettings());

        var result = await FetcherHost.Fetcher(provider).FetchAsync(new FeedRequest(server.Url("/start")), CancellationToken.None);

        Assert.Equal(server.Url("/end"), result.FinalUrl);
        Assert.Equal(expectedPermanent is null ? null : server.Url(expectedPermanent), result.PermanentUrl);
    }

    [Fact]
    public async Task Five_redirects_are_followed()
    {
        await using var server = await LocalFeedServer.StartAsync(app => app.MapGet("/hop/{n:int}", (HttpContext context, int n) =>
            n < 5 ? FeedResponses.Redirect(context, 302, $"/hop/{n + 1}") : LocalFeedServer.WriteAsync(context, FeedResponses.Rss)));
        using var provider = FetcherHost.Build(FetcherHost.LocalSettings());

        var result = await FetcherHost.Fetcher(provider).FetchAsync(new FeedRequest(server.Url("/hop/0")), CancellationToken.None);

        Assert.Equal(server.Url("/hop/5"), result.FinalUrl);
    }

    [Fact]
    public async Task A_redirect_loop_stops_after_five_hops()
    {
        await using var server = await LocalFeedServer.StartAsync(app =>
        {
            app.MapGet("/a", context => FeedResponses.Redirect(context, 302, "/b"));
            app.MapGet("/b", context => FeedResponses.Redirect(context, 302, "/a"));
        });
        using var provider = FetcherHost.Build(FetcherHost.LocalSettings());

        var error = await Assert.ThrowsAsync<FeedFetchException>(
            () => FetcherHost.Fetcher(provider).FetchAsync(new FeedRequest(server.Url("/a")), CancellationToken.None));

        Assert.Equal(FeedFetchErrorKind.TooManyRedirects, error.Kind);
        Assert.StartsWith("fetch: more than 5 redirects", error.Message, StringComparison.Ordinal);
        Assert.Equal(6, server.Requests.Count);
    }

    [Theory]
    [InlineData("http://10.0.0.1/feed", "private")]
    [InlineData("http://169.254.169.254/latest/meta-data/", "cloud metadata")]
    [InlineData("http://localhost:1/feed", "loopback")]
    [InlineData("file:///etc/passwd", "file:")]
    public async Task A_redirect_to_a_forbidden_target_is_refused_before_any_request(string target, string reason)
    {
        await using var server = await LocalFeedServer.StartAsync(app => app.MapGet("/feed", context => FeedResponses.Redirect(context, 301, target)));
        using var provider = FetcherHost.Build(FetcherHost.LocalSettings());

        var error = await Assert.ThrowsAsync<FeedFetchException>(
            () => FetcherHost.Fetcher(provider).FetchAsync(new FeedRequest(server.Url("/feed")), CancellationToken.None));

        Assert.Equal(FeedFetchErrorKind.Blocked, error.Kind);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task The_local_server_is_refused_without_the_allowlist()
    {
        await using var server = await LocalFeedServer.StartAsync(app => app.MapGet("/feed", context => LocalFeedServer.WriteAsync(context, FeedResponses.Rss)));
        using var provider = FetcherHost.Build(new Dictionary<string, string?>());

        var error = await Assert.ThrowsAsync<FeedFetchException>(
            () => FetcherHost.Fetcher(provider).FetchAsync(new FeedRequest(server.Url("/feed")), CancellationToken.None));

        Assert.Equal(FeedFetchErrorKind.Blocked, error.Kind);
        Assert.Contains("127.0.0.1 is loopback", error.Message, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task The_connect_time_guard_refuses_an_address_that_changed_after_the_check()
    {
        await using var server = await LocalFeedServer.StartAsync(app => app.MapGet("/feed", context => LocalFeedServer.WriteAsync(context, FeedResponses.Rss)));
        var options = Microsoft.Extensions.Options.Options.Create(new FeedsOptions());

        // DNS rebinding: the check sees a public address (never contacted), the connection would get loopback.
        var answers = new Queue<System.Net.IPAddress>([System.Net.IPAddress.Parse("93.184.215.14"), System.Net.IPAddress.Loopback]);
        var guard = new UrlGuard(options, (_, _) => Task.FromResult(new[] { answers.Dequeue() }));
        using var handler = FeedHttpHandler.Create(guard);
        using var client = new HttpClient(handler);
        var fetcher = new FeedFetcher(client, guard, new FetchThrottle(options), options, TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger<FeedFetcher>.Instance);
        var url = new Uri($"http://rebinding.test:{server.BaseUrl.Port}/feed");

        var error = await Assert.ThrowsAsync<FeedFetchException>(() => fetcher.FetchAsync(new FeedRequest(url), CancellationToken.None));

        Assert.Equal(FeedFetchErrorKind.Blocked, error.Kind);
        Assert.Contains("127.0.0.1 (resolved from 'rebinding.test') is loopback", error.Message, StringComparison.Ordinal);
        Assert.Empty(answers);
        Assert.Empty(server.Requests);
    }
}
