using System.IO.Compression;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TradeAlertBot.Feeds.Fetching;

namespace TradeAlertBot.Feeds.Tests.Fetching;

public class FeedFetcherTests
{
    [Fact]
    public async Task A_200_returns_the_body_with_its_validators_charset_and_max_age()
    {
        await using var server = await LocalFeedServer.StartAsync(app => app.MapGet("/feed", async context =>
        {
            context.Response.Headers.ETag = "W/\"v1\"";
            context.Response.Headers.LastModified = "Mon, 06 Jan 2025 10:00:00 GMT";
            context.Response.Headers.CacheControl = "public, max-age=300";
            await LocalFeedServer.WriteAsync(context, FeedResponses.Rss, "text/xml; charset=ISO-8859-1");
        }));
        using var provider = FetcherHost.Build(FetcherHost.LocalSettings());

        var result = await FetcherHost.Fetcher(provider).FetchAsync(new FeedRequest(server.Url("/feed")), CancellationToken.None);

        var content = Assert.IsType<FetchResult.Content>(result);
        Assert.Equal(FeedResponses.Rss, Encoding.UTF8.GetString(content.Body));
        Assert.Equal("W/\"v1\"", content.ETag);
        Assert.Equal("Mon, 06 Jan 2025 10:00:00 GMT", content.LastModified);
        Assert.Equal("ISO-8859-1", content.Charset);
        Assert.Equal(TimeSpan.FromMinutes(5), content.MaxAge);
        Assert.Equal(server.Url("/feed"), content.FinalUrl);
        Assert.Null(content.PermanentUrl);
    }

    [Fact]
    public async Task Stored_validators_are_sent_back_exactly_and_a_304_is_not_modified()
    {
        const string etag = "\"abc-123\"  ;odd but opaque";
        const string lastModified = "Mon, 06 Jan 2025 10:00:00 GMT";
        await using var server = await LocalFeedServer.StartAsync(app => app.MapGet("/feed", context =>
        {
            context.Response.StatusCode = context.Request.Headers.IfNoneMatch == etag ? 304 : 200;
            return Task.CompletedTask;
        }));
        using var provider = FetcherHost.Build(FetcherHost.LocalSettings());

        var result = await FetcherHost.Fetcher(provider).FetchAsync(new FeedRequest(server.Url("/feed"), etag, lastModified), CancellationToken.None);

        Assert.IsType<FetchResult.NotModified>(result);
        var request = Assert.Single(server.Requests);
        Assert.Equal(etag, request.Header("If-None-Match"));
        Assert.Equal(lastModified, request.Header("If-Modified-Since"));
    }

    [Fact]
    public async Task A_first_fetch_sends_no_validators_but_a_user_agent()
    {
        await using var server = await LocalFeedServer.StartAsync(app => app.MapGet("/feed", context => LocalFeedServer.WriteAsync(context, FeedResponses.Rss)));
        using var provider = FetcherHost.Build(FetcherHost.LocalSettings(("Feeds:UserAgent", "TestBot/2.0")));

        await FetcherHost.Fetcher(provider).FetchAsync(new FeedRequest(server.Url("/feed")), CancellationToken.None);

        var request = Assert.Single(server.Requests);
        Assert.Null(request.Header("If-None-Match"));
        Assert.Null(request.Header("If-Modified-Since"));
        Assert.Equal("TestBot/2.0", request.Header("User-Agent"));
    }

    [Theory]
    [InlineData(410, FeedFetchErrorKind.Gone, "fetch: 410 Gone")]
    [InlineData(404, FeedFetchErrorKind.HttpStatus, "fetch: 404 Not Found")]
    [InlineData(403, FeedFetchErrorKind.HttpStatus, "fetch: 403 Forbidden")]
    [InlineData(500, FeedFetchErrorKind.HttpStatus, "fetch: 500 server error")]
    [InlineData(503, FeedFetchErrorKind.HttpStatus, "fetch: 503 Service Unavailable")]
    [InlineData(429, FeedFetchErrorKind.RateLimited, "fetch: 429 Too Many Requests")]
    public async Task Error_statuses_map_to_kinds_with_human_messages(int status, FeedFetchErrorKind kind, string message)
    {
        await using var server = await LocalFeedServer.StartAsync(app => app.MapGet("/feed", context =>
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }));
        using var provider = FetcherHost.Build(FetcherHost.LocalSettings());

        var error = await Assert.ThrowsAsync<FeedFetchException>(
            () => FetcherHost.Fetcher(provider).FetchAsync(new FeedRequest(server.Url("/feed")), CancellationToken.None));

        Assert.Equal(kind, error.Kind);
        Assert.Equal(status, error.StatusCode);
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
        Assert.Null(error.RetryAfter);
    }

    [Theory]
    [InlineData(429, "120", 120)]
    [InlineData(503, "7", 7)]
    [InlineData(503, "Sat, 01 Mar 2025 12:10:00 GMT", 600)]
    [InlineData(429, "Sat, 01 Mar 2025 11:00:00 GMT", 0)]
    public async Task Retry_after_in_seconds_or_as_a_date_becomes_a_rate_limit_delay(int status, string retryAfter, int seconds)
    {
        await using var server = await LocalFeedServer.StartAsync(app => app.MapGet("/feed", context =>
        {
            context.Response.StatusCode = status;
            context.Response.Headers.RetryAfter = retryAfter;
            return Task.CompletedTask;
        }));
        var now = new FakeTimeProvider(new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero));
        using var provider = FetcherHost.Build(FetcherHost.LocalSettings(), now);

        var error = await Assert.ThrowsAsync<FeedFetchException>(
            () => FetcherHost.Fetcher(provider).FetchAsync(new FeedRequest(server.Url("/feed")), CancellationToken.None));

        Assert.Equal(FeedFetchErrorKind.RateLimited, error.Kind);
        Assert.Equal(TimeSpan.FromSeconds(seconds), error.RetryAfter);
    }
}
