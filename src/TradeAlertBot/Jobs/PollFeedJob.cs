using System.Text.Json;
using Hangfire;
using Microsoft.Extensions.Options;
using TradeAlertBot.Core.Text;
using TradeAlertBot.Feeds.Fetching;
using TradeAlertBot.Feeds.Parsing;
using TradeAlertBot.Pipeline;
using TradeAlertBot.Storage;
using TradeAlertBot.Storage.Entities;
using TradeAlertBot.Telemetry;

namespace TradeAlertBot.Jobs;

/// <summary>
/// Polls one feed: conditional fetch, parse, ingest (store, classify, cluster, route), record health and the
/// next poll time, release the lease, and enqueue the deliveries the ingest produced.
/// </summary>
// Failures are recorded on the feed and retried by its own schedule. No [DisableConcurrentExecution]: it would lock
// the method for all feeds; the dispatcher's per-feed lease is what keeps one feed from being polled twice.
[AutomaticRetry(Attempts = 0)]
public sealed class PollFeedJob(
    TradeAlertDbContext db,
    FeedFetcher fetcher,
    FeedParser parser,
    ItemIngestor ingestor,
    IBackgroundJobClient jobs,
    IOptions<FeedsOptions> options,
    TimeProvider time,
    BotMetrics metrics,
    ILogger<PollFeedJob> logger)
{
    public async Task RunAsync(long feedId, CancellationToken ct)
    {
        // Every line this poll logs (fetcher, parser and ingest included) carries the feed's id.
        using var scope = logger.BeginScope("feed {FeedId}", feedId);
        var feed = await db.Feeds.FindAsync([feedId], ct);
        if (feed is null || !feed.Enabled)
        {
            return;
        }

        var interval = feed.Interval ?? options.Value.DefaultInterval;
        var result = IngestResult.Empty;
        try
        {
            result = await PollAsync(feed, interval, ct);
        }
        catch (Exception e) when (e is FeedFetchException or FeedParseException)
        {
            metrics.FeedFailed(OutcomeOf(e));
            RecordFailure(feed, interval, e);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Storing failed (e.g. the database): drop the half-done batch — the validators were not advanced, so
            // the next poll fetches the same items again and nothing is lost — and record the error on the feed.
            logger.LogError(e, "poll: feed {FeedId} could not be stored", feedId);
            metrics.FeedFailed(OutcomeOf(e));
            db.ChangeTracker.Clear();
            feed = await db.Feeds.FindAsync([feedId], CancellationToken.None) ?? feed;
            RecordFailure(feed, interval, e);
        }
        finally
        {
            feed.PollingUntil = null;
            await db.SaveChangesAsync(CancellationToken.None);
        }

        foreach (var deliveryId in result.DeliveriesToSend)
        {
            jobs.Enqueue<DeliverJob>(job => job.RunAsync(deliveryId, CancellationToken.None));
        }
    }

    private async Task<IngestResult> PollAsync(Feed feed, TimeSpan interval, CancellationToken ct)
    {
        var fetched = await fetcher.FetchAsync(new FeedRequest(new Uri(feed.Url), feed.ETag, feed.LastModified), ct);
        var now = time.GetUtcNow();
        feed.LastFetchedAt = now;
        if (fetched.PermanentUrl is { } moved)
        {
            logger.LogInformation("poll: feed {FeedId} moved permanently to {Url}", feed.Id, ShownUrl.Redacted(moved));
            feed.Url = moved.AbsoluteUri;
        }

        var result = IngestResult.Empty;
        TimeSpan? ttl = null;
        if (fetched is FetchResult.Content content)
        {
            var parsed = parser.Parse(content.Body, content.Charset, content.FinalUrl);
            feed.Title ??= parsed.Title; // before ingesting: new stories name their source after it
            result = await ingestor.IngestAsync(db, feed, parsed.Items, ct);
            feed.ETag = content.ETag;
            feed.LastModified = content.LastModified;
            ttl = parsed.Ttl;
            feed.LastStatus = $"ok: {parsed.Items.Count} item(s), {result.NewItems} new"
                + (parsed.Warnings.Count > 0 ? $"; repaired: {string.Join("; ", parsed.Warnings)}" : "");
            metrics.FeedFetched();
        }
        else
        {
            feed.LastStatus = "ok: not modified";
            metrics.FeedNotModified();
        }

        feed.LastSuccessAt = time.GetUtcNow(); // after the ingest: fetch to stored outbox rows
        feed.ConsecutiveErrors = 0;
        feed.LastError = null;
        feed.NextPollAt = now + PollSchedule.AfterSuccess(interval, ttl, fetched.MaxAge);
        logger.LogInformation("poll: feed {FeedId} {Status}; {Stories} new story(ies), {Deliveries} delivery(ies)",
            feed.Id, feed.LastStatus, result.NewStories, result.DeliveriesToSend.Count);
        return result;
    }

    /// <summary>The metric outcome of a failed poll: the fetch error kind in snake_case, unparseable, or storing_failed.</summary>
    private static string OutcomeOf(Exception error) => error switch
    {
        FeedFetchException f => JsonNamingPolicy.SnakeCaseLower.ConvertName(f.Kind.ToString()),
        FeedParseException => "unparseable",
        _ => "storing_failed",
    };

    private void RecordFailure(Feed feed, TimeSpan interval, Exception error)
    {
        var now = time.GetUtcNow();
        feed.LastFetchedAt = now;
        feed.LastError = error.Message.Length > 2000 ? error.Message[..2000] : error.Message;
        if (error is FeedFetchException { Kind: FeedFetchErrorKind.Gone })
        {
            feed.Enabled = false;
            feed.DisabledReason = "410 Gone: the publisher removed this feed";
            feed.LastStatus = "disabled";
            logger.LogWarning("poll: feed {FeedId} disabled: {Error}", feed.Id, error.Message);
            return;
        }

        feed.ConsecutiveErrors++;
        var retryAfter = (error as FeedFetchException)?.RetryAfter;
        feed.NextPollAt = now + PollSchedule.AfterError(interval, feed.ConsecutiveErrors, Random.Shared.NextDouble(), retryAfter);
        feed.LastStatus = error switch
        {
            FeedFetchException f => $"error: {f.Kind}",
            FeedParseException => "error: unparseable",
            _ => "error: storing failed",
        };
        logger.LogWarning("poll: feed {FeedId} failed ({Errors} in a row), next try {NextPoll}: {Error}",
            feed.Id, feed.ConsecutiveErrors, feed.NextPollAt, error.Message);
    }
}
