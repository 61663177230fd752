using System.Globalization;
using System.Text.Json;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TradeAlertBot.Core.Text;
using TradeAlertBot.Deliveries;
using TradeAlertBot.Feeds.FederalRegister;
using TradeAlertBot.Feeds.Fetching;
using TradeAlertBot.Feeds.Parsing;
using TradeAlertBot.Ingest;
using TradeAlertBot.Storage;
using TradeAlertBot.Storage.Entities;
using TradeAlertBot.Telemetry;

namespace TradeAlertBot.Jobs;

/// <summary>
/// Polls one feed: conditional fetch, parse, ingest (store, classify, cluster, route), record health and the
/// next poll time, release the lease, and enqueue the deliveries the ingest produced. Parse and ingest run under
/// the <c>Feeds:ParseTimeout</c> deadline. The poll first claims the feed's lease and renews it while it runs
/// (<see cref="PollLease"/>, <see cref="LeaseHeartbeat"/>); a poll that loses its lease stops and records nothing,
/// because another node may be polling the feed by then.
/// </summary>
// Failures are recorded on the feed and retried by its own schedule. No [DisableConcurrentExecution] and no Hangfire
// lock per feed: the claimed, renewed lease is what keeps one feed from being polled twice, and unlike a Hangfire
// lock it lapses soon after its node dies.
[AutomaticRetry(Attempts = 0)]
public sealed partial class PollFeedJob(
    TradeAlertDbContext db,
    IDbContextFactory<TradeAlertDbContext> dbs,
    FeedFetcher fetcher,
    FeedParser parser,
    FederalRegisterReader federalRegister,
    ItemIngestor ingestor,
    IBackgroundJobClient jobs,
    IOptions<FeedsOptions> options,
    TimeProvider time,
    BotMetrics metrics,
    ILogger<PollFeedJob> logger)
{
    /// <summary>
    /// Polls the feed now unless another poll holds it (a poll run by hand: dispatch enqueues
    /// <see cref="PollFeedsJob"/> batches, which call <see cref="PollClaimedAsync"/>).
    /// </summary>
    public async Task RunAsync(long feedId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var until = now + options.Value.LeaseDuration;
        var claimed = await PollLease.ClaimAsync(db, [feedId], dispatchToken: null, now, until, ct);
        if (claimed.Count == 0)
        {
            LogNotClaimed(logger, feedId);
            return;
        }

        await using var heartbeat = LeaseHeartbeat.Start(dbs, [feedId], until, options.Value.LeaseDuration, time, logger);
        await PollClaimedAsync(claimed[0], heartbeat, ct);
    }

    /// <summary>
    /// Polls <paramref name="feed"/> (as read when its lease was claimed, not tracked) under <paramref name="lease"/>;
    /// its last write records the outcome and releases the lease, unless the lease was lost. Then enqueues the
    /// deliveries the ingest produced.
    /// </summary>
    public async Task PollClaimedAsync(Feed feed, LeaseHeartbeat lease, CancellationToken ct)
    {
        // Every line this poll logs (fetcher, parser and ingest included) carries the feed's id.
        using var scope = logger.BeginScope("feed {FeedId}", feed.Id);
        using var polling = CancellationTokenSource.CreateLinkedTokenSource(ct, lease.Lost);
        IngestResult result;
        try
        {
            result = await PollOnceAsync(feed, lease, polling.Token);
        }
        catch (OperationCanceledException) when (lease.IsLost && !ct.IsCancellationRequested)
        {
            return; // the heartbeat has said why
        }

        // Stored outbox rows are sent even if the lease was lost after the ingest committed them.
        foreach (var deliveryId in result.DeliveriesToSend)
        {
            jobs.Enqueue<DeliverJob>(job => job.RunAsync(deliveryId, CancellationToken.None));
        }
    }

    private async Task<IngestResult> PollOnceAsync(Feed feed, LeaseHeartbeat lease, CancellationToken ct)
    {
        // Read with the claim: tracked from here, so an unchanged feed costs one UPDATE of the columns its poll set.
        db.Feeds.Attach(feed);
        var feedId = feed.Id;
        var interval = feed.Interval ?? options.Value.DefaultInterval;
        var result = IngestResult.Empty;
        try
        {
            result = await PollAsync(feed, interval, ct);
        }
        catch (FeedParseException e) when (e.Kind == FeedParseErrorKind.TimedOut)
        {
            // The deadline may have struck while the batch was being stored: drop it, as when storing fails.
            metrics.FeedFailed(OutcomeOf(e));
            db.ChangeTracker.Clear();
            feed = await db.Feeds.FindAsync([feedId], CancellationToken.None) ?? feed;
            RecordFailure(feed, interval, e);
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
            // A poll whose lease was lost writes nothing: another may hold the feed. Otherwise the outcome is saved
            // and the lease released, with no renewal under way (which would find the lease gone); the last
            // renewal left at least two thirds of the lease for this. Marked modified explicitly: the renewals were
            // UPDATEs the tracked feed knows nothing of.
            await lease.ReleaseAsync(feedId, async () =>
            {
                feed.PollingUntil = null;
                db.Entry(feed).Property(f => f.PollingUntil).IsModified = true;
                await db.SaveChangesAsync(CancellationToken.None);
            });
        }

        return result;
    }

    private async Task<IngestResult> PollAsync(Feed feed, TimeSpan interval, CancellationToken ct)
    {
        // A Federal Register search is read as the API's JSON (already items); every other feed is fetched and parsed.
        var request = new FeedRequest(new Uri(feed.Url), feed.ETag, feed.LastModified);
        var fetched = federalRegister.Reads(request.Url)
            ? await federalRegister.ReadAsync(request, feed.LastSuccessAt, ct)
            : await fetcher.FetchAsync(request, ct);
        var now = time.GetUtcNow();
        feed.LastFetchedAt = now;
        if (fetched.PermanentUrl is { } moved)
        {
            logger.LogInformation("poll: feed {FeedId} moved permanently to {Url}", feed.Id, ShownUrl.Redacted(moved));
            feed.Url = moved.AbsoluteUri;
        }

        var result = IngestResult.Empty;
        TimeSpan? ttl = null;
        if (fetched is FetchResult.Fresh fresh)
        {
            ParsedFeed parsed;
            using (var deadline = new CancellationTokenSource(options.Value.ParseTimeout, time))
            using (var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, deadline.Token))
            {
                try
                {
                    var started = time.GetTimestamp();
                    // The one place the two kinds of answer differ: a feed document is parsed, the API's JSON is already items.
                    parsed = fresh switch
                    {
                        FetchResult.Content content => parser.Parse(content.Body, content.Charset, content.FinalUrl, linked.Token),
                        FederalRegisterResult read => read.Feed,
                        _ => throw new InvalidOperationException($"poll: no reader for a {fresh.GetType().Name}"),
                    };
                    if (time.GetElapsedTime(started) >= options.Value.ParseTimeout)
                    {
                        // The deadline's timer runs on the thread pool, which a busy machine may starve: checked here
                        // too, the deadline holds before anything is classified or stored.
                        await deadline.CancelAsync();
                    }

                    feed.Title ??= parsed.Title; // before ingesting: new stories name their source after it
                    result = await ingestor.IngestAsync(db, feed, parsed.Items, options.Value.MaxItemsPerPoll, linked.Token);
                }
                catch (OperationCanceledException e) when (deadline.IsCancellationRequested && !ct.IsCancellationRequested)
                {
                    var seconds = options.Value.ParseTimeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
                    throw new FeedParseException(FeedParseErrorKind.TimedOut, $"parse: not parsed and classified within {seconds} s (Feeds:ParseTimeout)", e);
                }
            }

            // Validators are kept only when every new item was stored: sent back, they could earn a 304 and the
            // items left over by the cap would never come. Without them the next poll fetches the feed again.
            feed.ETag = result.Deferred == 0 ? fresh.ETag : null;
            feed.LastModified = result.Deferred == 0 ? fresh.LastModified : null;
            ttl = parsed.Ttl;
            feed.LastStatus = $"ok: {parsed.Items.Count} item(s), {result.NewItems} new"
                + (result.Deferred > 0 ? $", {result.Deferred} left for the next poll" : "")
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
        feed.RecordError(null);
        feed.NextPollAt = now + PollSchedule.AfterSuccess(interval, ttl, fetched.MaxAge);
        logger.LogInformation("poll: feed {FeedId} {Status}; {Stories} new story(ies), {Deliveries} delivery(ies)",
            feed.Id, feed.LastStatus, result.NewStories, result.DeliveriesToSend.Count);
        return result;
    }

    /// <summary>The metric outcome of a failed poll: the fetch error kind in snake_case, parse_timeout, unparseable, or storing_failed.</summary>
    private static string OutcomeOf(Exception error) => error switch
    {
        FeedFetchException f => JsonNamingPolicy.SnakeCaseLower.ConvertName(f.Kind.ToString()),
        FeedParseException { Kind: FeedParseErrorKind.TimedOut } => "parse_timeout",
        FeedParseException => "unparseable",
        _ => "storing_failed",
    };

    private void RecordFailure(Feed feed, TimeSpan interval, Exception error)
    {
        var now = time.GetUtcNow();
        feed.LastFetchedAt = now;
        feed.RecordError(error.Message);
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
            FeedParseException { Kind: FeedParseErrorKind.TimedOut } => "error: parse timeout",
            FeedParseException => "error: unparseable",
            _ => "error: storing failed",
        };
        logger.LogWarning("poll: feed {FeedId} failed ({Errors} in a row), next try {NextPoll}: {Error}",
            feed.Id, feed.ConsecutiveErrors, feed.NextPollAt, error.Message);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "poll: feed {FeedId} is held by another poll, or was dispatched again; this job stops")]
    private static partial void LogNotClaimed(ILogger logger, long feedId);
}
