using System.Diagnostics;
using System.Globalization;
using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TradeAlertBot.Core.Text;

namespace TradeAlertBot.Feeds.Fetching;

/// <summary>
/// Fetches one feed: a conditional GET (the stored validators sent back verbatim), redirects followed by hand so
/// every hop passes the <see cref="UrlGuard"/> and permanent moves are reported, a timeout over the whole fetch,
/// and a size cap enforced while the (decompressed) body streams in.
/// </summary>
public sealed partial class FeedFetcher(
    HttpClient httpClient,
    UrlGuard guard,
    FetchThrottle throttle,
    IOptions<FeedsOptions> options,
    TimeProvider timeProvider,
    ILogger<FeedFetcher> logger)
{
    private const string Accept =
        "application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, application/xml;q=0.8, text/xml;q=0.8, */*;q=0.5";

    private readonly FeedsOptions _options = options.Value;

    /// <exception cref="FeedFetchException">The fetch failed; <see cref="FeedFetchException.Kind"/> says how.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<FetchResult> FetchAsync(FeedRequest request, CancellationToken cancellationToken)
    {
        using var slot = await throttle.AcquireAsync(request.Url, cancellationToken);
        if (request.Url.IsAbsoluteUri && request.Url.IsFile)
        {
            return await SampleFiles.ReadAsync(guard, request, _options.MaxBytes, cancellationToken);
        }

        using var timeout = new CancellationTokenSource(_options.Timeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            return await FetchHttpAsync(request, linked.Token);
        }
        catch (OperationCanceledException e) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            var seconds = _options.Timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
            throw new FeedFetchException(FeedFetchErrorKind.Timeout, $"fetch: no complete response within {seconds} s", e);
        }
        catch (HttpRequestException e) when (FindFetchException(e) is { } guardError)
        {
            throw guardError; // refused by the connect-time guard, inside the handler
        }
        catch (InvalidDataException e)
        {
            throw new FeedFetchException(FeedFetchErrorKind.Network, $"fetch: body does not decompress as its Content-Encoding says ({e.Message})", e);
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            throw new FeedFetchException(FeedFetchErrorKind.Network, $"fetch: {e.Message}", e);
        }
    }

    private async Task<FetchResult> FetchHttpAsync(FeedRequest request, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var current = request.Url;
        Uri? permanent = null;
        var permanentSoFar = true;
        for (var hop = 0; ; hop++)
        {
            await guard.CheckAsync(current, cancellationToken);
            using var message = CreateRequest(current, request);
            using var response = await httpClient.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            var status = (int)response.StatusCode;
            if (status is 301 or 302 or 303 or 307 or 308 && response.Headers.Location is { } location)
            {
                if (hop >= _options.MaxRedirects)
                {
                    throw new FeedFetchException(
                        FeedFetchErrorKind.TooManyRedirects,
                        $"fetch: more than {_options.MaxRedirects} redirects (last to {ShownUrl.Redacted(new Uri(current, location))})",
                        statusCode: status);
                }

                var next = location.IsAbsoluteUri ? location : new Uri(current, location);

                // Only a chain of permanent moves from the stored URL moves the feed (a 302 first means "keep asking here").
                permanentSoFar &= status is 301 or 308;
                permanent = permanentSoFar ? next : permanent;
                LogRedirect(ShownUrl.Redacted(current), status, ShownUrl.Redacted(next));
                current = next;
                continue;
            }

            var result = await ReadResponseAsync(response, current, permanent, cancellationToken);
            LogFetched(ShownUrl.Redacted(request.Url), status, (result as FetchResult.Content)?.Body.Length ?? 0, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return result;
        }
    }

    private HttpRequestMessage CreateRequest(Uri url, FeedRequest request)
    {
        var message = new HttpRequestMessage(HttpMethod.Get, url);
        message.Headers.TryAddWithoutValidation("User-Agent", _options.UserAgent);
        message.Headers.TryAddWithoutValidation("Accept", Accept);

        // Validators go back byte for byte (RFC 9110 section 13.1): a re-formatted ETag no longer matches.
        if (!string.IsNullOrEmpty(request.ETag))
        {
            message.Headers.TryAddWithoutValidation("If-None-Match", request.ETag);
        }

        if (!string.IsNullOrEmpty(request.LastModified))
        {
            message.Headers.TryAddWithoutValidation("If-Modified-Since", request.LastModified);
        }

        return message;
    }

    private async Task<FetchResult> ReadResponseAsync(HttpResponseMessage response, Uri url, Uri? permanent, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var maxAge = ResponseHints.MaxAge(response, now);
        var status = (int)response.StatusCode;
        switch (status)
        {
            case 304:
                return new FetchResult.NotModified(url, permanent, maxAge);
            case >= 200 and <= 299:
                var body = await BodySizeLimit.ReadAsync(response.Content, _options.MaxBytes, cancellationToken);
                return new FetchResult.Content(
                    body,
                    response.Content.Headers.ContentType?.CharSet?.Trim('"'),
                    ResponseHints.Raw(response, "ETag"),
                    ResponseHints.Raw(response, "Last-Modified"),
                    url,
                    permanent,
                    maxAge);
            case 410:
                throw new FeedFetchException(
                    FeedFetchErrorKind.Gone, "fetch: 410 Gone (the publisher removed this feed; disable it)", statusCode: status);
            case 429 or 503 when ResponseHints.RetryAfter(response, now) is var delay && (status == 429 || delay is not null):
                var wait = delay is { } d ? $"; retry after {d.TotalSeconds.ToString("0", CultureInfo.InvariantCulture)} s" : "";
                throw new FeedFetchException(
                    FeedFetchErrorKind.RateLimited, $"fetch: {status} {Describe(status)}{wait}", statusCode: status, retryAfter: delay);
            default:
                throw new FeedFetchException(FeedFetchErrorKind.HttpStatus, $"fetch: {status} {Describe(status)}", statusCode: status);
        }
    }

    private static string Describe(int status) => status switch
    {
        400 => "Bad Request",
        401 => "Unauthorized (the feed needs credentials)",
        403 => "Forbidden (the server refuses this client)",
        404 => "Not Found (the feed URL is wrong or the feed has moved)",
        429 => "Too Many Requests",
        503 => "Service Unavailable",
        >= 500 => "server error (" + (HttpStatusCode)status + ")",
        _ => "unexpected status (" + (HttpStatusCode)status + ")",
    };

    private static FeedFetchException? FindFetchException(Exception e)
    {
        for (var inner = e.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (inner is FeedFetchException fetch)
            {
                return fetch;
            }
        }

        return null;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Feed {Url} redirected with {Status} to {Location}")]
    private partial void LogRedirect(string url, int status, string location);

    [LoggerMessage(Level = LogLevel.Information, Message = "Fetched {Url}: {Status}, {Bytes} bytes in {ElapsedMs:0} ms")]
    private partial void LogFetched(string url, int status, int bytes, double elapsedMs);
}
