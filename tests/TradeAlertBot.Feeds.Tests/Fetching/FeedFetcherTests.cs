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
    private const string Rss = """<?xml version="1.0"?><rss version="2.0"><channel><title>t</title></channel></rss>""";

    [Fact]
    public async Task A_200_returns_the_body_with_its_validators_charset_and_max_age()
    {
        await using var server = await LocalFeedServer.StartAsync(app => app.MapGet("/feed", async context =>
        {
            context.Response.Headers.ETag = "W/\"v1\"";
            context.Response.Headers.LastModified = "Mon, 06 Jan 2025 10:00:00 GMT";
            context.Response.Headers.CacheControl = "public, max-age=300";
            await LocalFeedServer.WriteAsync(context, Rss, "text/xml; charset=ISO-8859-1");
        }));
        using var provider = FetcherHost.Build(FetcherHost.LocalSettings());

        var result = await FetcherHost.Local(provider).FetchAsync(new FeedRequest(server.Url("/feed")), CancellationToken.None);

        var content = Assert.IsType<FetchResult.Content>(result);
        Assert.Equal(Rss, Encoding.UTF8.GetString(content.Body));
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

        var result = await FetcherHost.Local(provider).FetchAsync(new FeedRequest(server.Url("/feed"), etag, lastModified), CancellationToken.None);

        Assert.IsType<FetchResult.NotModified>(result);
        var request = Assert.Single(server.Requests);
        Assert.Equal(etag, request.Header("If-None-Match"));
        Assert.Equal(lastModified, request.Header("If-Modified-Since"));
    }

    [Fact]
    public async Task A_first_fetch_sends_no_validators_but_a_user_agent()
    {
        await using var server = await LocalFeedServer.StartAsync(app => app.MapGet("/feed", context => LocalFeedServer.WriteAsync(context, Rss)));
        using var provider = FetcherHost.Build(FetcherHost.LocalSettings(("Feeds:UserAgent", "TestBot/2.0")));

        await FetcherHost.Local(provider).FetchAsync(new FeedRequest(server.Url("/feed")), CancellationToken.None);

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
            () => FetcherHost.Local(provider).FetchAsync(new FeedRequest(server.Url("/feed")), CancellationToken.None));

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
            () => FetcherHost.Local(provider).FetchAsync(new FeedRequest(server.Url("/feed")), CancellationToken.None));

        Assert.Equal(FeedFetchErrorKind.RateLimited, error.Kind);
        Assert.Equal(TimeSpan.FromSeconds(seconds), error.RetryAfter);
    }

    [Fact]
    public async Task A_chain_of_permanent_redirects_reports_the_new_url()
    {
        await using var server = await LocalFeedServer.StartAsync(app =>
        {
            app.MapGet("/old", context => Redirect(context, 301, "/older"));
            app.MapGet("/older", context => Redirect(context, 308, "/new"));
            app.MapGet("/new", context => LocalFeedServer.WriteAsync(context, Rss));
        });
        using var provider = FetcherHost.Build(FetcherHost.LocalSettings());

        var result = await FetcherHost.Local(provider).FetchAsync(new FeedRequest(server.Url("/old")), CancellationToken.None);

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
            app.MapGet("/start", context => Redirect(context, first, "/middle"));
            app.MapGet("/middle", context => Redirect(context, second, "/end"));
            app.MapGet("/end", context => LocalFeedServer.WriteAsync(context, Rss));
        });
        using var provider = FetcherHost.Build(FetcherHost.LocalSettings());

        var result = await FetcherHost.Local(provider).FetchAsync(new FeedRequest(server.Url("/start")), CancellationToken.None);

        Assert.Equal(server.Url("/end"), result.FinalUrl);
        Assert.Equal(expectedPermanent is null ? null : server.Url(expectedPermanent), result.PermanentUrl);
    }

    [Fact]
    public async Task Five_redirects_are_followed()
    {
        await using var server = await LocalFeedServer.StartAsync(app => app.MapGet("/hop/{n:int}", (HttpContext context, int n) =>
            n < 5 ? Redirect(context, 302, $"/hop/{n + 1}") : LocalFeedServer.WriteAsync(context, Rss)));
        using var provider = FetcherHost.Build(FetcherHost.LocalSettings());

        var result = await FetcherHost.Local(provider).FetchAsync(new FeedRequest(server.Url("/hop/0")), CancellationToken.None);

        Assert.Equal(server.Url("/hop/5"), result.FinalUrl);
    }

    [Fact]
    public async Task A_redirect_loop_stops_after_five_hops()
    {
        await using var server = await LocalFeedServer.StartAsync(app =>
        {
            app.MapGet("/a", context => Redirect(context, 302, "/b"));
            app.MapGet("/b", context => Redirect(context, 302, "/a"));
        });
        using var provider = FetcherHost.Build(FetcherHost.LocalSettings());

        var error = await Assert.ThrowsAsync<FeedFetchException>(
            () => FetcherHost.Local(provider).FetchAsync(new FeedRequest(server.Url("/a")), CancellationToken.None));

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
        await using var server = await LocalFeedServer.StartAsync(app => app.MapGet("/feed", context => Redirect(context, 301, target)));
        using var provider = FetcherHost.Build(FetcherHost.LocalSettings());

        var error = await Assert.ThrowsAsync<FeedFetchException>(
            () => FetcherHost.Local(provider).FetchAsync(new FeedRequest(server.Url("/feed")), CancellationToken.None));

        Assert.Equal(FeedFetchErrorKind.Blocked, error.Kind);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task A_slow_server_times_out()
    {
        await using var server = await LocalFeedServer.StartAsync(app => app.MapGet("/slow", async context =>
        {
            await Task.Delay(TimeSpan.FromSeconds(10), context.RequestAborted);
            await LocalFeedServer.WriteAsync(context, Rss);
        }));
        using var provider = FetcherHost.Build(FetcherHost.LocalSettings(("Feeds:Timeout", "00:00:00.5")));

        var error = await Assert.ThrowsAsync<FeedFetchException>(
            () => FetcherHost.Local(provider).FetchAsync(new FeedRequest(server.Url("/slow")), CancellationToken.None));

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
            () => FetcherHost.Local(provider).FetchAsync(new FeedRequest(server.Url("/trickle")), CancellationToken.None));

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
            () => FetcherHost.Local(provider).FetchAsync(new FeedRequest(server.Url("/slow")), cancel.Token));
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
            () => FetcherHost.Local(provider).FetchAsync(new FeedRequest(server.Url("/big")), CancellationToken.None));

        Assert.Equal(FeedFetchErrorKind.TooLarge, error.Kind);
        Assert.Equal("fetch: body exceeds 10 KiB cap", error.Message);
    }

    [Fact]
    public async Task A_gzip_bomb_is_stopped_at_the_cap_after_decompression()
    {
        var bomb = Compress(new byte[64 * 1024 * 1024], stream => new GZipStream(stream, CompressionLevel.SmallestSize));
        Assert.True(bomb.Length < 100 * 1024, "the bomb must be small on the wire");
        await using var server = await LocalFeedServer.StartAsync(app => app.MapGet("/bomb", async context =>
        {
            context.Response.Headers.ContentEncoding = "gzip";
            context.Response.ContentLength = bomb.Length;
            await context.Response.Body.WriteAsync(bomb, context.RequestAborted);
        }));
        using var provider = FetcherHost.Build(FetcherHost.LocalSettings(("Feeds:MaxBytes", "1048576")));

        var error = await Assert.ThrowsAsync<FeedFetchException>(
            () => FetcherHost.Local(provider).FetchAsync(new FeedRequest(server.Url("/bomb")), CancellationToken.None));

        Assert.Equal(FeedFetchErrorKind.TooLarge, error.Kind);
        Assert.Equal("fetch: body exceeds 1 MiB cap", error.Message);
    }

    [Theory]
    [InlineData("gzip")]
    [InlineData("br")]
    [InlineData("deflate")]
    public async Task Compressed_bodies_are_decompressed(string encoding)
    {
        var compressed = Compress(Encoding.UTF8.GetBytes(Rss), stream => encoding switch
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

        var result = await FetcherHost.Local(provider).FetchAsync(new FeedRequest(server.Url("/feed")), CancellationToken.None);

        Assert.Equal(Rss, Encoding.UTF8.GetString(Assert.IsType<FetchResult.Content>(result).Body));
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
            () => FetcherHost.Local(provider).FetchAsync(new FeedRequest(server.Url("/feed")), CancellationToken.None));

        Assert.Equal(FeedFetchErrorKind.Network, error.Kind);
    }

    [Fact]
    public async Task The_local_server_is_refused_without_the_allowlist()
    {
        await using var server = await LocalFeedServer.StartAsync(app => app.MapGet("/feed", context => LocalFeedServer.WriteAsync(context, Rss)));
        using var provider = FetcherHost.Build(new Dictionary<string, string?>());

        var error = await Assert.ThrowsAsync<FeedFetchException>(
            () => FetcherHost.Local(provider).FetchAsync(new FeedRequest(server.Url("/feed")), CancellationToken.None));

        Assert.Equal(FeedFetchErrorKind.Blocked, error.Kind);
        Assert.Contains("127.0.0.1 is loopback", error.Message, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task The_connect_time_guard_refuses_an_address_that_changed_after_the_check()
    {
        await using var server = await LocalFeedServer.StartAsync(app => app.MapGet("/feed", context => LocalFeedServer.WriteAsync(context, Rss)));
        var options = Microsoft.Extensions.Options.Options.Create(new FeedsOptions());

        // DNS rebinding: the check sees a public address (never contacted), the connection would get loopback.
        var answers = new Queue<System.Net.IPAddress>([System.Net.IPAddress.Parse("93.184.215.14"), System.Net.IPAddress.Loopback]);
        var guard = new UrlGuard(options, (_, _) => Task.FromResult(new[] { answers.Dequeue() }));
        using var handler = FeedHttpHandler.Create(guard);
        using var client = new HttpClient(handler);
        var fetcher = new FeedFetcher(client, guard, options, TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger<FeedFetcher>.Instance);
        var url = new Uri($"http://rebinding.test:{server.BaseUrl.Port}/feed");

        var error = await Assert.ThrowsAsync<FeedFetchException>(() => fetcher.FetchAsync(new FeedRequest(url), CancellationToken.None));

        Assert.Equal(FeedFetchErrorKind.Blocked, error.Kind);
        Assert.Contains("127.0.0.1 (resolved from 'rebinding.test') is loopback", error.Message, StringComparison.Ordinal);
        Assert.Empty(answers);
        Assert.Empty(server.Requests);
    }

    private static Task Redirect(HttpContext context, int status, string location)
    {
        context.Response.StatusCode = status;
        context.Response.Headers.Location = location;
        return Task.CompletedTask;
    }

    private static byte[] Compress(byte[] data, Func<Stream, Stream> compressor)
    {
        using var output = new MemoryStream();
        using (var stream = compressor(output))
        {
            stream.Write(data);
        }

        return output.ToArray();
    }
}
