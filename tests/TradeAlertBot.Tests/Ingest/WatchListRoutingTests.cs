using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using TradeAlertBot.Core.Items;
using TradeAlertBot.Deliveries;
using TradeAlertBot.Ingest;
using TradeAlertBot.Slack.Blocks;
using TradeAlertBot.Storage.Entities;
using TradeAlertBot.Telemetry;
using TradeAlertBot.Tests.Commands.Handlers;

namespace TradeAlertBot.Tests.Ingest;

/// <summary><c>subscribe watchlist</c> from ingest to the rendered alert: no category rule is involved.</summary>
public sealed class WatchListRoutingTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 3, 20, 12, 0, 0, TimeSpan.Zero);

    // Long enough that an added sentence keeps the two reports one story.
    private const string Shared = "The Commerce Department set antidumping duties on crystalline silicon photovoltaic cells "
        + "after a year-long investigation into imports that petitioners said were sold below fair value. "
        + "The duties range widely by producer and take effect when the final determination is published. "
        + "Installers warned that the duties could raise the cost of utility-scale solar projects this year.";

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
    public async Task A_channel_watching_a_heading_gets_the_story_naming_a_code_under_it_and_not_one_naming_another()
    {
        var watcher = await AddDestinationAsync("T1/C1", "watchlist", new WatchListEntry { HsCode = "8541", Label = "solar", CreatedAt = Now });
        var feed = await AddFeedAsync();

        await IngestAsync(feed,
            new FeedItem("a", "https://fr.example/a", "Duties on photovoltaic cells",
                "The notice sets duties on cells classified under HTSUS 8541.43.00 from several countries.", Now, null),
            new FeedItem("b", "https://fr.example/b", "Passenger vehicle tariff adjusted",
                "The proclamation adjusts duties on passenger vehicles of heading 8703 and their parts.", Now, null));

        await using var db = _database.Open();
        var delivery = await db.Deliveries.Include(d => d.Story).SingleAsync();
        Assert.Equal((watcher, "watchlist", "8541 solar"), (delivery.DestinationId, delivery.RuleName, delivery.WatchLine));
        Assert.Equal("Duties on photovoltaic cells", delivery.Story!.Title);

        var message = AlertBlocks.Render(AlertFactory.For(delivery), "C1");
        Assert.Equal(":eyes: *Your watch list: 8541 solar*", message.Blocks![0]!["text"]!["text"]!.GetValue<string>());
        Assert.StartsWith("Your watch list: 8541 solar — New trade alert:", message.Text);
    }

    [Fact]
    public async Task A_category_subscriber_whose_list_the_story_touches_gets_the_line_and_one_without_a_list_does_not()
    {
        await using (var setup = _database.Open())
        {
            setup.Rules.Add(new WatchRule { Name = "duties", Query = "duties", IsCategory = true });
            await setup.SaveChangesAsync();
        }

        var watcher = await AddDestinationAsync("T1/C1", "duties", new WatchListEntry { HsCode = "854143", Country = "CN", CreatedAt = Now });
        var other = await AddDestinationAsync("T1/C2", "duties");
        var feed = await AddFeedAsync();

        await IngestAsync(feed, new FeedItem("a", "https://fr.example/a", "New duties on cells from China",
            "The notice sets duties on cells of subheading 8541.43 imported from China.", Now, null));

        await using var db = _database.Open();
        var lines = await db.Deliveries.OrderBy(d => d.DestinationId).Select(d => new { d.DestinationId, d.WatchLine }).ToListAsync();
        Assert.Equal([(watcher, "8541.43, from CN"), (other, null)], lines.Select(l => (l.DestinationId, l.WatchLine)));
    }

    [Fact]
    public async Task A_later_report_that_first_names_the_watched_code_gives_the_alert_already_routed_its_line()
    {
        await using (var setup = _database.Open())
        {
            setup.Rules.Add(new WatchRule { Name = "duties", Query = "duties", IsCategory = true });
            await setup.SaveChangesAsync();
        }

        var watcher = await AddDestinationAsync("T1/C1", "duties", new WatchListEntry { HsCode = "8541", Label = "solar", CreatedAt = Now });
        var news = await AddFeedAsync("https://news.example/feed.xml");
        var register = await AddFeedAsync("https://fr.example/feed.xml");

        await IngestAsync(news, new FeedItem("a", "https://news.example/a", "Commerce sets duties on solar cells", Shared, Now, null));
        await using (var db = _database.Open())
        {
            Assert.Null((await db.Deliveries.SingleAsync()).WatchLine);
        }

        await IngestAsync(register, new FeedItem("b", "https://fr.example/b", "Commerce sets duties on solar cells",
            Shared + " The cells are classified under HTSUS 8541.43.00.", Now, null));

        await using var after = _database.Open();
        var delivery = await after.Deliveries.Include(d => d.Story).SingleAsync();
        Assert.Equal((watcher, "8541 solar", 2), (delivery.DestinationId, delivery.WatchLine, delivery.Story!.OutletCount));
    }

    private async Task<long> AddDestinationAsync(string address, string rule, params WatchListEntry[] entries)
    {
        await using var db = _database.Open();
        var destination = new Destination
        {
            Kind = "slack", Address = address, Subscriptions = [new Subscription { RuleName = rule }], WatchList = [.. entries],
        };
        db.Destinations.Add(destination);
        await db.SaveChangesAsync();
        return destination.Id;
    }

    private async Task<Feed> AddFeedAsync(string url = "https://fr.example/feed.xml")
    {
        await using var db = _database.Open();
        var feed = new Feed { Url = url, CreatedAt = Now, NextPollAt = Now };
        db.Feeds.Add(feed);
        await db.SaveChangesAsync();
        return feed;
    }

    private async Task IngestAsync(Feed feed, params FeedItem[] items)
    {
        var index = new StoryIndex(_time);
        var ingestor = new ItemIngestor(new RuleCatalog(NullLogger<RuleCatalog>.Instance), index, new StoryIndexRefresher(index, _time),
            _time, _services.GetRequiredService<BotMetrics>(), NullLogger<ItemIngestor>.Instance);
        await using var db = _database.Open();
        await ingestor.IngestAsync(db, feed, items, maxNewItems: 10, CancellationToken.None);
    }
}
