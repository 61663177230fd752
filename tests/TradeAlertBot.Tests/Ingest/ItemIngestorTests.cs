using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using TradeAlertBot.Core.Items;
using TradeAlertBot.Ingest;
using TradeAlertBot.Storage.Entities;
using TradeAlertBot.Storage.Queries;
using TradeAlertBot.Telemetry;
using TradeAlertBot.Tests.Commands.Handlers;

namespace TradeAlertBot.Tests.Ingest;

public sealed class ItemIngestorTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 3, 20, 12, 0, 0, TimeSpan.Zero);

    // Long enough that one changed sentence keeps the two reports above the same-story similarity.
    private const string Shared = "The Commerce Department announced new export restrictions on gallium and germanium, "
        + "two metals used in semiconductors and solar panels, after a months-long review of supply chains. "
        + "Officials said the licensing requirement takes effect next month and covers refined metal and wafers. "
        + "Industry groups warned that shortages could raise prices for chipmakers across the region.";

    private readonly FakeTimeProvider _time = new(Now);
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().AddSingleton<BotMetrics>().BuildServiceProvider();
    private CommandTestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await CommandTestDatabase.CreateAsync();

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        await _services.DisposeAsync();
    }

    [Fact]
    public async Task A_report_that_joins_a_story_adds_the_countries_it_names()
    {
        var ingestor = NewIngestor();
        var first = await AddFeedAsync("https://one.example/feed.xml");
        var second = await AddFeedAsync("https://two.example/feed.xml");

        await IngestAsync(ingestor, first, new FeedItem("a", "https://one.example/a", "Export curbs on gallium",
            Shared + " China is the largest producer.", Now, null));
        _time.Advance(TimeSpan.FromMinutes(5));
        await IngestAsync(ingestor, second, new FeedItem("b", "https://two.example/b", "Export curbs on gallium",
            Shared + " Japan is the largest producer.", Now, null));

        await using var db = _database.Open();
        var story = await db.Stories.AsNoTracking().SingleAsync();
        Assert.Equal(2, story.OutletCount);
        Assert.Equal(["CN", "JP"], story.Countries);
        Assert.Equal([story.Id], await db.Stories.InCountry("JP").Select(s => s.Id).ToListAsync());
    }

    private ItemIngestor NewIngestor()
    {
        var index = new StoryIndex(_time);
        return new ItemIngestor(new RuleCatalog(NullLogger<RuleCatalog>.Instance), index, new StoryIndexRefresher(index, _time),
            _time, _services.GetRequiredService<BotMetrics>(), NullLogger<ItemIngestor>.Instance);
    }

    private async Task<Feed> AddFeedAsync(string url)
    {
        await using var db = _database.Open();
        var feed = new Feed { Url = url, CreatedAt = Now, NextPollAt = Now };
        db.Feeds.Add(feed);
        await db.SaveChangesAsync();
        return feed;
    }

    private async Task IngestAsync(ItemIngestor ingestor, Feed feed, FeedItem item)
    {
        await using var db = _database.Open();
        await ingestor.IngestAsync(db, feed, [item], maxNewItems: 10, CancellationToken.None);
    }
}
