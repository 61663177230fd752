using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TradeAlertBot.Core.Items;
using TradeAlertBot.Core.Text;
using TradeAlertBot.Feeds.Fetching;
using TradeAlertBot.Feeds.Parsing;

namespace TradeAlertBot.Feeds.FederalRegister;

/// <summary>
/// Reads a Federal Register source through the bot's <see cref="FeedFetcher"/> (guard, size cap, timeout): its
/// search, newest first and paged (next_page_url followed while it stays under the API's base, until documents
/// older than the last success or the page cap), then the documents on public inspection of the same agencies.
/// Requests are paced (<see cref="FederalRegisterPacer"/>); a 429 with a short Retry-After is waited out.
/// </summary>
public sealed partial class FederalRegisterReader(
    FeedFetcher fetcher,
    FederalRegisterPacer pacer,
    PublicInspectionCache inspection,
    IOptions<FederalRegisterOptions> options,
    IOptions<FeedsOptions> feedsOptions,
    TimeProvider time,
    ILogger<FederalRegisterReader> logger)
{
    private const int MaxRateLimitedRetries = 2;

    // A day's slack: the API dates documents by day, and a poll may straddle midnight.
    private static readonly TimeSpan SinceSlack = TimeSpan.FromDays(1);

    private readonly FederalRegisterOptions _options = options.Value;

    /// <summary>True when <paramref name="url"/> is a Federal Register search this reader reads instead of the feed parser.</summary>
    public bool Reads(Uri url) => FederalRegisterSource.IsSearch(url, _options.BaseUrl);

    /// <param name="request">The source URL and the validators stored from its last read.</param>
    /// <param name="lastSuccess">When the source was last read in full; paging stops at documents older than that.</param>
    /// <exception cref="FeedFetchException">A request failed, or the API kept answering 429.</exception>
    /// <exception cref="FeedParseException">An answer is not the API's JSON, or holds more documents than allowed.</exception>
    public async Task<FederalRegisterResult> ReadAsync(FeedRequest request, DateTimeOffset? lastSuccess, CancellationToken ct)
    {
        var source = FederalRegisterSource.Parse(request.Url);
        var since = lastSuccess is { } last ? DateOnly.FromDateTime((last - SinceSlack).UtcDateTime) : (DateOnly?)null;
        var documents = new List<FrDocument>();
        var warnings = new List<string>();
        var page = new FeedRequest(source.FirstPage(_options.PerPage), request.ETag, request.LastModified);
        string? etag = request.ETag, lastModified = request.LastModified;
        for (var number = 1; ; number++)
        {
            var fetched = await FetchAsync(page, ct);
            if (fetched is not FetchResult.Content content)
            {
                break; // 304 on the first page: no new documents
            }

            if (number == 1)
            {
                (etag, lastModified) = (content.ETag, content.LastModified);
            }

            var parsed = Read(content.Body, FederalRegisterJsonContext.Default.FrSearchPage);
            var results = parsed.Results ?? [];
            documents.AddRange(results);
            CheckCount(documents.Count);
            if (NextPage(parsed.NextPageUrl, results, since, number, warnings) is not { } next)
            {
                break;
            }

            page = new FeedRequest(next);
        }

        var (items, inspectionAgencies) = await PublicInspectionAsync(source, ct);
        items.AddRange(documents.Select(FederalRegisterMapper.FromDocument).OfType<FeedItem>());
        var title = Title(source, [.. documents.SelectMany(d => d.Agencies ?? []), .. inspectionAgencies]);
        // No max-age: the search may be cacheable for a day (the API caches its indexes), but public inspection, read
        // by the same poll, changes through the day; the feed's own interval decides when it is polled next.
        return new FederalRegisterResult(new ParsedFeed(title, items) { Warnings = warnings }, etag, lastModified, request.Url, MaxAge: null);
    }

    /// <summary>The source's documents on public inspection, as items, and their agencies (to name the source).</summary>
    private async Task<(List<FeedItem> Items, List<FrAgency> Agencies)> PublicInspectionAsync(FederalRegisterSource source, CancellationToken ct)
    {
        var url = FederalRegisterSource.PublicInspectionUrl(_options.BaseUrl);
        var body = inspection.Body(url, await FetchAsync(inspection.Request(url), ct));
        if (body.Length == 0)
        {
            return ([], []);
        }

        var all = Read(body, FederalRegisterJsonContext.Default.FrPublicInspectionPage).Results ?? [];
        CheckCount(all.Count);
        var kept = all.Where(d => source.Covers(FederalRegisterMapper.Slugs(d.Agencies), d.Type)).ToList();
        return ([.. kept.Select(FederalRegisterMapper.FromPublicInspection).OfType<FeedItem>()], [.. kept.SelectMany(d => d.Agencies ?? [])]);
    }

    private Uri? NextPage(string? next, IReadOnlyList<FrDocument> results, DateOnly? since, int number, List<string> warnings)
    {
        if (string.IsNullOrWhiteSpace(next) || results.Count == 0)
        {
            return null;
        }

        // Newest first: once a page reaches documents older than the last success, the rest are known.
        var oldest = results.Select(r => DateOnly.TryParseExact(r.PublicationDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : (DateOnly?)null).Min();
        if (since is { } s && oldest is { } o && o < s)
        {
            return null;
        }

        if (number >= _options.MaxPagesPerPoll)
        {
            LogPageCap(logger, _options.MaxPagesPerPoll);
            return null;
        }

        if (!Uri.TryCreate(next, UriKind.Absolute, out var url) || !FederalRegisterSource.IsSearch(url, _options.BaseUrl))
        {
            warnings.Add($"federal register: next_page_url {ShownUrl.Redacted(next)} is not a search under {_options.BaseUrl}; not followed");
            return null;
        }

        return url;
    }

    private async Task<FetchResult> FetchAsync(FeedRequest request, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            await pacer.WaitAsync(ct);
            try
            {
                return await fetcher.FetchAsync(request, ct);
            }
            catch (FeedFetchException e) when (e.Kind == FeedFetchErrorKind.RateLimited)
            {
                var wait = e.RetryAfter ?? TimeSpan.FromSeconds(1);
                if (wait > _options.MaxRetryAfterWait || attempt >= MaxRateLimitedRetries)
                {
                    throw new FeedFetchException(
                        FeedFetchErrorKind.RateLimited,
                        $"federal register: {e.StatusCode} Too Many Requests; the API asks to wait {Seconds(wait)} s"
                        + (wait > _options.MaxRetryAfterWait
                            ? $", longer than Sources:FederalRegister:MaxRetryAfterWait ({Seconds(_options.MaxRetryAfterWait)} s)"
                            : $", still after {MaxRateLimitedRetries} waits")
                        + "; the next poll comes after that",
                        e,
                        e.StatusCode,
                        wait);
                }

                LogWaiting(logger, Seconds(wait));
                await Task.Delay(wait, time, ct);
            }
        }
    }

    private T Read<T>(byte[] body, JsonTypeInfo<T> type)
    {
        try
        {
            return JsonSerializer.Deserialize(body, type)
                ?? throw new FeedParseException(FeedParseErrorKind.NotAFeed, "federal register: the answer is JSON null, not a result");
        }
        catch (JsonException e)
        {
            var where = e.Path is null ? "" : $" at {e.Path}";
            throw new FeedParseException(FeedParseErrorKind.NotAFeed, $"federal register: the answer is not the API's JSON{where} (line {e.LineNumber + 1})", e);
        }
    }

    private void CheckCount(int count)
    {
        if (count > feedsOptions.Value.MaxItemsPerDocument)
        {
            throw new FeedParseException(
                FeedParseErrorKind.TooManyItems,
                $"federal register: more than {feedsOptions.Value.MaxItemsPerDocument} documents in one read (Feeds:MaxItemsPerDocument)");
        }
    }

    /// <summary>"Federal Register: " and the source's agencies, by the names the answers give them (their slugs failing that).</summary>
    private static string Title(FederalRegisterSource source, IReadOnlyList<FrAgency> seen)
    {
        var names = source.Agencies
            .Select(slug => seen.FirstOrDefault(a => a.Slug == slug)?.Name ?? slug)
            .ToList();
        return names.Count == 0 ? "Federal Register" : TextCleaner.Cap("Federal Register: " + string.Join(", ", names), FeedParser.MaxTitleLength);
    }

    private static string Seconds(TimeSpan wait) => wait.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);

    [LoggerMessage(Level = LogLevel.Information, Message = "federal register: stopped at the page cap ({MaxPages} pages, Sources:FederalRegister:MaxPagesPerPoll)")]
    private static partial void LogPageCap(ILogger logger, int maxPages);

    [LoggerMessage(Level = LogLevel.Information, Message = "federal register: 429, waiting {Seconds} s as the API asks")]
    private static partial void LogWaiting(ILogger logger, string seconds);
}
