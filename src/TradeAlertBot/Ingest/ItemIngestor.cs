using Microsoft.EntityFrameworkCore;
using TradeAlertBot.Core.Extraction;
using TradeAlertBot.Core.Items;
using TradeAlertBot.Core.Routing;
using TradeAlertBot.Core.Threads;
using TradeAlertBot.Deliveries.Threads;
using TradeAlertBot.Storage;
using TradeAlertBot.Storage.Entities;
using TradeAlertBot.Telemetry;

namespace TradeAlertBot.Ingest;

/// <summary>
/// Stores a feed's new items: dedupe per feed (GUID, link, content hash), classify, join an existing story or
/// found a new one, and route matching stories to subscribed destinations as Delivery rows — all in one
/// SaveChanges, so a story is never stored without its outbox rows (and the unique (story, destination) key
/// makes a second alert impossible).
/// </summary>
public sealed partial class ItemIngestor(
    RuleCatalog rules, StoryIndex storyIndex, StoryIndexRefresher refresher, TimeProvider time, BotMetrics metrics, ILogger<ItemIngestor> logger)
{
    // One batch at a time per process: two feeds carrying the same story at the same moment must not both found a
    // story (each would miss the other's uncommitted one). SQLite has a single writer anyway, so little is lost.
    // Across processes (PostgreSQL) the store step also holds its story band locks: see StoryBandLocks.
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <param name="maxNewItems">New items stored at most; the newest are kept, the rest left for the next poll.</param>
    public async Task<IngestResult> IngestAsync(TradeAlertDbContext db, Feed feed, IReadOnlyList<FeedItem> items, int maxNewItems, CancellationToken ct)
    {
        var candidates = items.Select(NormalizedItem.From).DistinctBy(i => i.DedupeKey).ToList();
        var fresh = await KnownItems.WithoutKnownAsync(db, feed.Id, candidates, ct);
        if (fresh.Count == 0)
        {
            return IngestResult.Empty;
        }

        // Capped after dropping the known items, so the next poll's newest unknown items are the ones left now.
        var deferred = Math.Max(0, fresh.Count - maxNewItems);
        if (deferred > 0)
        {
            fresh = [.. fresh.Select((item, order) => (item, order))
                .OrderByDescending(x => x.item.Published ?? DateTimeOffset.MinValue)
                .ThenBy(x => x.order) // undated items keep the feed's own order (newest first, by convention)
                .Take(maxNewItems)
                .Select(x => x.item)];
        }

        // Classifying is the CPU-heavy part and needs no lock: polls classify in parallel, then store one by one.
        var classifier = await rules.GetClassifierAsync(db, ct);
        var now = time.GetUtcNow();
        var classified = new List<(NormalizedItem Item, Core.Classification.Classification Classification)>(fresh.Count);
        foreach (var item in fresh)
        {
            ct.ThrowIfCancellationRequested(); // the poll's parse deadline, or shutdown
            classified.Add((item, classifier.Classify(item.Title, item.Body, DateOnly.FromDateTime((item.Published ?? now).UtcDateTime))));
        }

        await _gate.WaitAsync(ct);
        try
        {
            if (!StoryBandLocks.Needed(db))
            {
                return await StoreAsync(db, feed, classified, now, ct) with { Deferred = deferred };
            }

            // The locks last as long as the transaction: from before the index refresh to the commit of the new stories.
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await StoryBandLocks.TakeAsync(db, storyIndex, classified.Select(c => c.Classification.Fingerprint),
                classified.SelectMany(c => c.Item.Document is { } document ? ActionKeys.Of(document) : []), ct);
            var result = await StoreAsync(db, feed, classified, now, ct);
            await transaction.CommitAsync(ct);
            return result with { Deferred = deferred };
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<IngestResult> StoreAsync(TradeAlertDbContext db, Feed feed,
        List<(NormalizedItem Item, Core.Classification.Classification Classification)> classified, DateTimeOffset now, CancellationToken ct)
    {
        await refresher.RefreshAsync(db, ct);
        var subscriptions = await db.Subscriptions.AsNoTracking()
            .Select(s => new RoutedSubscription(s.DestinationId, new SubscriptionFilter(s.RuleName, s.Country, s.Product, s.HsCode)))
            .ToListAsync(ct);
        var batchStories = new List<(Story Story, StoryFingerprint Fingerprint)>();
        var reports = new List<(Story Story, string[] Categories, ExtractedFacts Facts)>();
        var touched = new List<Story>();
        var joined = 0;
        var actions = new ActionStories(db);
        var datesMoved = new List<Story>();

        foreach (var (item, classification) in classified)
        {
            var categories = classification.Categories.Select(c => c.Rule).ToList();

            // An official document joins its action's story by key only; a news article by a similar fingerprint.
            var story = item.Document is { } document
                ? await actions.FindAsync(document, ct)
                : batchStories.FirstOrDefault(s => s.Fingerprint.IsSameStory(classification.Fingerprint)).Story
                  ?? await FindStoryAsync(db, classification.Fingerprint, ct);
            if (story is null)
            {
                story = StoryReports.Found(feed, item, classification, categories, now);
                db.Stories.Add(story);
                batchStories.Add((story, classification.Fingerprint));
            }
            else
            {
                joined++;
                var effectiveBefore = story.EffectiveOn;
                await StoryReports.JoinAsync(db, story, feed.Id, classification, categories, now, ct);
                StoryReports.Published(story, item);
                var moved = item.Document is { } joining
                    ? await ActionNews.JoinAsync(db, story, joining, await actions.KnownNumbersAsync(story, ct), now, ct)
                    : story.EffectiveOn != effectiveBefore;
                if (moved && story.Id != 0)
                {
                    datesMoved.Add(story);
                }

                touched.Add(story);
            }

            if (item.Document is { } own)
            {
                await actions.AddKeysAsync(story, own, ct);
            }

            db.Items.Add(new StoredItem
            {
                FeedId = feed.Id,
                Story = story,
                DedupeKey = item.DedupeKey,
                ContentHash = item.ContentHash,
                Link = item.Link,
                Title = item.Title,
                Body = item.Body,
                Published = item.Published,
                FetchedAt = now,
                Document = item.Document,
            });

            // Routed with the categories the story has after this report, and this report's facts.
            reports.Add((story, [.. story.Categories], classification.Facts));
        }

        var deliveries = await ReportRouting.RouteAsync(db, reports, subscriptions, now, ct);
        db.Deliveries.AddRange(deliveries);
        await ReplanRemindersAsync(db, datesMoved, ct);
        await db.SaveChangesAsync(ct);
        CountStored(classified);

        foreach (var (story, fingerprint) in batchStories)
        {
            storyIndex.Add(story.Id, fingerprint, story.FirstSeenAt);
            LogStoryFounded(feed.Id, story.Id, string.Join(' ', story.Categories));
        }

        var updates = await ReportRouting.SentForAsync(db, touched, ct);
        return new IngestResult(classified.Count, batchStories.Count, joined, [.. deliveries.Select(d => d.Id), .. updates]);
    }

    // Counted after the commit, so a failed batch (stored again on the next poll) is not counted twice. Indexed loops:
    // no enumerator per item on the ingest path (bench/README.md).
    private void CountStored(List<(NormalizedItem Item, Core.Classification.Classification Classification)> classified)
    {
        metrics.ItemsStored(classified.Count);
        for (var i = 0; i < classified.Count; i++)
        {
            var categories = classified[i].Classification.Categories;
            for (var c = 0; c < categories.Count; c++)
            {
                metrics.CategoryMatched(categories[c].Rule);
            }
        }
    }

    // A later document (or report) moved the action's dates: the reminders of alerts already sent follow them.
    private async Task ReplanRemindersAsync(TradeAlertDbContext db, List<Story> stories, CancellationToken ct)
    {
        var ids = stories.Select(s => s.Id).Distinct().ToList();
        if (ids.Count == 0)
        {
            return;
        }

        var sent = await db.Deliveries.Include(d => d.Story).Include(d => d.Destination)
            .Where(d => ids.Contains(d.StoryId) && d.State == DeliveryState.Sent).ToListAsync(ct);
        foreach (var group in sent.GroupBy(d => d.Destination!))
        {
            await ReminderPlanner.PlanAsync(db, group.Key, [.. group], time.GetUtcNow(), ct);
        }
    }

    [LoggerMessage(LogLevel.Debug, "ingest: feed {FeedId} founded story {StoryId} [{Categories}]")]
    private partial void LogStoryFounded(long feedId, long storyId, string categories);

    private async Task<Story?> FindStoryAsync(TradeAlertDbContext db, StoryFingerprint fingerprint, CancellationToken ct)
    {
        if (storyIndex.FindSameStory(fingerprint) is not { } id)
        {
            return null;
        }

        // Across nodes the row is locked until the commit: two nodes joining one story (found through different band
        // keys) would otherwise each write their own outlet count and categories, and one would be lost.
        return StoryBandLocks.Needed(db) && !db.Stories.Local.Any(s => s.Id == id)
            ? await db.Stories.FromSql($"SELECT * FROM \"Stories\" WHERE \"Id\" = {id} FOR UPDATE").SingleOrDefaultAsync(ct)
            : await db.Stories.FindAsync([id], ct);
    }
}
