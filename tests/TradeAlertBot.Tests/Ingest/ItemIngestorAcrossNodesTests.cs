using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using TradeAlertBot.Core.Items;
using TradeAlertBot.Ingest;
using TradeAlertBot.Storage;
using TradeAlertBot.Storage.Entities;
using TradeAlertBot.Telemetry;
using TradeAlertBot.Tests.Storage;

namespace TradeAlertBot.Tests.Ingest;

/// <summary>
/// Two hosts on one PostgreSQL database, as two ingestors with their own story index and their own contexts: what
/// one node founds, the other must join, even when both store at the same moment.
/// </summary>
public sealed class ItemIngestorAcrossNodesTests : IAsyncLifetime
{
    private const int Rounds = 30;

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 20, 12, 0, 0, TimeSpan.Zero));
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().AddSingleton<BotMetrics>().BuildServiceProvider();
    private ProviderDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = await ProviderDatabase.CreateAsync(StorageOptions.Postgres);
        await using var db = _database.Open();
        await db.Database.MigrateAsync();
    }

    public async Task DisposeAsync()
    {
        _database.Dispose();
        await _services.DisposeAsync();
    }

    [Fact]
    public async Task Two_nodes_storing_two_reports_of_one_story_at_the_same_moment_found_it_once()
    {
        var (first, second) = (NewNode(), NewNode());
        var (outletA, outletB) = (await AddFeedAsync("https://a.example/feed.xml"), await AddFeedAsync("https://b.example/feed.xml"));
        var random = new Random(15);

        for (var round = 0; round < Rounds; round++)
        {
            var text = StoryText(random);
            using var start = new Barrier(2);
            await Task.WhenAll(
                Task.Run(() => IngestAsync(first, outletA, start, new FeedItem($"a{round}", $"https://a.example/{round}", "Export curbs", text + " China objected.", null, null))),
                Task.Run(() => IngestAsync(second, outletB, start, new FeedItem($"b{round}", $"https://b.example/{round}", "Export curbs", text + " Japan objected.", null, null))));
        }

        await using var db = _database.Open();
        Assert.Equal(2 * Rounds, await db.Items.CountAsync());
        Assert.Equal(Rounds, await db.Stories.CountAsync());
        Assert.All(await db.Stories.Select(s => s.OutletCount).ToListAsync(), count => Assert.Equal(2, count));
    }

    [Fact]
    public async Task Two_nodes_storing_a_document_and_its_correction_at_the_same_moment_found_one_story()
    {
        var (first, second) = (NewNode(), NewNode());
        var (outletA, outletB) = (await AddFeedAsync("https://a.example/documents.json"), await AddFeedAsync("https://b.example/documents.json"));
        var random = new Random(17);

        for (var round = 0; round < Rounds; round++)
        {
            // Unlike texts: only the correction's reference to the document ties the two together.
            var (number, correction) = ($"2026-{round:D5}", $"2026-{round + 50000:D5}");
            var document = new OfficialDocument(number, OfficialDocumentType.Rule, [], null, false, null, null, [], [], []);
            using var start = new Barrier(2);
            await Task.WhenAll(
                Task.Run(() => IngestAsync(first, outletA, start, new FeedItem($"fr:{number}", null, "Entity List additions", StoryText(random), null, null) { Document = document })),
                Task.Run(() => IngestAsync(second, outletB, start, new FeedItem($"fr:{correction}", null, "Entity List additions; correction", StoryText(random), null, null)
                {
                    Document = document with { DocumentNumber = correction, RelatedDocumentNumbers = [number] },
                })));
        }

        await using var db = _database.Open();
        Assert.Equal(2 * Rounds, await db.Items.CountAsync());
        Assert.Equal(Rounds, await db.Stories.CountAsync());
        Assert.Equal(2 * Rounds, await db.StoryKeys.CountAsync());
    }

    // Made-up words, so that each round's story shares nothing with the others' and only its two reports cluster.
    private static string StoryText(Random random) => string.Join(' ', Enumerable.Range(0, 60)
        .Select(_ => new string([.. Enumerable.Range(0, random.Next(4, 9)).Select(_ => (char)('a' + random.Next(26)))])));

    private ItemIngestor NewNode()
    {
        var index = new StoryIndex(_time);
        return new ItemIngestor(new RuleCatalog(NullLogger<RuleCatalog>.Instance), index, new StoryIndexRefresher(index, _time),
            _time, _services.GetRequiredService<BotMetrics>(), NullLogger<ItemIngestor>.Instance);
    }

    private async Task<Feed> AddFeedAsync(string url)
    {
        await using var db = _database.Open();
        var feed = new Feed { Url = url, CreatedAt = _time.GetUtcNow(), NextPollAt = _time.GetUtcNow() };
        db.Feeds.Add(feed);
        await db.SaveChangesAsync();
        return feed;
    }

    private async Task IngestAsync(ItemIngestor node, Feed feed, Barrier start, FeedItem item)
    {
        await using var db = _database.Open();
        db.Attach(feed);
        await db.Database.OpenConnectionAsync(); // both connections ready before the race starts
        start.SignalAndWait();
        await node.IngestAsync(db, feed, [item], maxNewItems: 10, CancellationToken.None);
    }
}
