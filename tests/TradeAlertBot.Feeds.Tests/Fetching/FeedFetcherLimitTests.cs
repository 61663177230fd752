using System.IO.Compression;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TradeAlertBot.Feeds.Fetching;

namespace TradeAlertBot.Feeds.Tests.Fetching;

public class FeedFetcherLimitTests
{
    [Fact]
    public async Task A_slow_server_times_out()
    {
        await using var server = await LocalFeedServer.StartAsync(app => app.MapGet("/slow", async context =>
        {
            await Task.Delay(TimeSpan.FromSeconds(10), context.RequestAborted);
            await LocalFeedServer.WriteAsync(context, FeedResponses.Rss);
        }));
        using var provider = FetcherHost.Build(FetcherHost.LocalSettings(("Feeds:Timeout", "00:00:00.5")));

        var error = await Assert.ThrowsAsync<FeedFetchException>(
            () => FetcherHost.Fetcher(provider).FetchAsync(new FeedRequest(server.Url("/slow")), CancellationToken.None));

        Assert.Equal(FeedFetchErrorKind.Timeout, error.Kind);
        Assert.Equal("fetch: no complete response within 0.5 s", error.Message);
    }

    [Fact]
    public async Task A_body_that_trickles_in_too_slowly_times_out()
    {
        await using var server = await LocalFeedServer.StartAsync(app => app.MapGet("/trickle", async context =>
        {
            await context.Response.WriteAsync("<rss>", context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
            await Task.Delay(TimeSpan.FromSeconds(10), context.RequestAborted);
        }));
        using var provider = FetcherHost.Build(FetcherHost.LocalSettings(("Feeds:Timeout", "00:00:00.5")));

        var error = await Assert.ThrowsAsync<FeedFetchException>(
            () => FetcherHost.Fetcher(provider).FetchAsync(new FeedRequest(server.Url("/trickle")), CancellationToken.None));

        Assert.Equal(FeedFetchErrorKind.Timeout, error.Kind);
    }

    [Fact]
    public async Task Cancelling_the_caller_token_is_a_cancellation_not_a_timeout()
    {
        await using var server = await LocalFeedServer.StartAsync(app => app.MapGet("/slow", async context =>
            await Task.Delay(TimeSpan.FromSeconds(10), context.RequestAborted)));
        using var provider = FetcherHost.Build(FetcherHost.LocalSettings());
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => FetcherHost.Fetcher(provider).FetchAsync(new FeedRequest(server.Url("/slow")), cancel.Token));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_body_over_the_cap_is_too_large_with_or_without_content_length(bool declareLength)
    {
        var body = new byte[20_000];
        await using var server = await LocalFeedServer.StartAsync(app => app.MapGet("/big", async context =>
        {
            if (declareLength)
            {
                context.Response.ContentLength = body.Length;
            }

            await context.Response.Body.WriteAsync(body, context.RequestAborted);
        }));
        using var provider = FetcherHost.Build(FetcherHost.LocalSettings(("Feeds:MaxBytes", "10240")));

        var error = await Assert.ThrowsAsync<FeedFetchException>(
            () => FetcherHost.Fetcher(provider).FetchAsync(new FeedRequest(server.Url("/big")), CancellationToken.None));

        Assert.Equal(FeedFetchErrorKind.TooLarge, error.Kind);
        Assert.Equal("fetch: body exceeds 10 KiB cap", error.Message);
    }

    [Fact]
    public async Task A_gzip_bomb_is_stopped_at_the_cap_after_decompression()
    {
        var bomb = FeedResponses.Compress(new byte[64 * 1024 * 1024], stream => new GZipStream(stream, CompressionLevel.SmallestSize));
        Assert.True(bomb.Length < 100 * 1024, "the bomb must be small on the wire");
        await using var server = await LocalFeedServer.StartAsync(app => app.MapGet("/bomb", async context =>
        {
            context.Response.Headers.ContentEncoding = "gzip";
            context.Response.ContentLength = bomb.Length;
            await context.Response.Body.WriteAsync(bomb, context.RequestAborted);
        }));
        using var provider = FetcherHost.Build(FetcherHost.LocalSettings(("Feeds:MaxBytes", "1048576")));

        var error = await Assert.ThrowsAsync<FeedFetchException>(
            () => FetcherHost.Fetcher(provider).FetchAsync(new FeedRequest(server.Url("/bomb")), CancellationToken.None));

        Assert.Equal(FeedFetchErrorKind.TooLarge, error.Kind);
        Assert.Equal("fetch: body exceeds 1 MiB cap", error.Message);
    }

    [Theory]
    [InlineData("gzip")]
    [InlineData("br")]
    [InlineData("deflate")]
    public async Task Compressed_bodies_are_decompressed(string encoding)
    {
        var compressed = FeedResponses.Compress(Encoding.UTF8.GetBytes(FeedResponses.Rss), stream => encoding switch
        {
            "gzip" => new GZipStream(stream, CompressionLevel.Optimal),
            "br" => new BrotliStream(stream, CompressionLevel.Optimal),
            _ => new ZLibStream(stream, CompressionLevel.Optimal),
        });
        await using var server = await LocalFeedServer.StartAsync(app => app.MapGet("/feed", async context =>
        {
            context.Response.Headers.ContentEncoding = encoding;
            await context.Response.Body.WriteAsync(compressed, context.RequestAborted);
        }));
        using var provider = FetcherHost.Build(FetcherHost.LocalSettings());

        var result = await FetcherHost.Fetcher(provider).FetchAsync(new FeedRequest(server.Url("/feed")), CancellationToken.None);

        Assert.Equal(FeedResponses.Rss, Encoding.UTF8.GetString(Assert.IsType<FetchResult.Content>(result).Body));
        Assert.Contains(encoding, server.Requests.Single().Header("Accept-Encoding"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_corrupt_gzip_body_is_a_network_error()
    {
        await using var server = await LocalFeedServer.StartAsync(app => app.MapGet("/feed", async context =>
        {
            context.Response.Headers.ContentEncoding = "gzip";
            await context.Response.WriteAsync("this is not gzip at all", context.RequestAborted);
        }));
        using var provider = FetcherHost.Build(FetcherHost.LocalSettings());

        var error = await Assert.ThrowsAsync<FeedFetchException>(
            () => FetcherHost.Fetcher(provider).FetchAsync(new FeedRequest(server.Url("/feed")), CancellationToken.None));

        Assert.Equal(FeedFetchErrorKind.Network, error.Kind);
    }
}
