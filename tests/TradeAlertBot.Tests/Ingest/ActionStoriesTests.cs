using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using TradeAlertBot.Core.Items;
using TradeAlertBot.Ingest;
using TradeAlertBot.Storage.Entities;
using TradeAlertBot.Telemetry;
using TradeAlertBot.Tests.Commands.Handlers;

namespace TradeAlertBot.Tests.Ingest;

/// <summary>Official documents through the ingest: they join their trade action's story by key, and only by key.</summary>
public sealed class ActionStoriesTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 13, 0, 0, TimeSpan.Zero);
    private const string Text = "The Bureau of Industry and Security amends the Export Administration Regulations by adding 12 entities to the Entity List.";

    private static readonly OfficialDocument Rule = new("2026-23456", OfficialDocumentType.Rule, ["Industry and Security Bureau"],
        new DateOnly(2026, 12, 3), true, null, null, [], ["BIS-2026-0042"], []);

    private readonly FakeTimeProvider _time = new(Now);
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().AddSingleton<BotMetrics>().BuildServiceProvider();
    private CommandTestDatabase _database = null!;
    private ItemIngestor _ingestor = null!;
    private Feed _feed = null!;

    public async Task InitializeAsync()
    {
        _database = await CommandTestDatabase.CreateAsync();
        var index = new StoryIndex(_time);
        _ingestor = new ItemIngestor(new RuleCatalog(NullLogger<RuleCatalog>.Instance), index, new StoryIndexRefresher(index, _time),
            _time, _services.GetRequiredService<BotMetrics>(), NullLogger<ItemIngestor>.Instance);
        await using var db = _database.Open();
        _feed = new Feed { Url = "https://www.federalregister.gov/api/v1/documents.json", CreatedAt = Now, NextPollAt = Now };
        db.Feeds.Add(_feed);
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        await _services.DisposeAsync();
    }

    private async Task IngestAsync(string guid, string title, OfficialDocument document)
    {
        await using var db = _database.Open();
        await _ingestor.IngestAsync(db, _feed, [new FeedItem(guid, null, title, Text, Now, null) { Document = document }], 10, CancellationToken.None);
    }

    [Fact]
    public async Task The_published_copy_and_a_document_in_the_same_docket_join_the_public_inspection_story()
    {
        await IngestAsync("fr-pi:2026-23456", "Additions to the Entity List", Rule);
        await IngestAsync("fr:2026-23456", "Additions to the Entity List", Rule with { OnPublicInspection = false, EffectiveOn = new DateOnly(2027, 1, 2) });
        await IngestAsync("fr:2027-00100", "Revisions to the Entity List", Rule with { DocumentNumber = "2027-00100", OnPublicInspection = false });

        await using var db = _database.Open();
        var story = await db.Stories.AsNoTracking().SingleAsync();
        Assert.Equal(3, await db.Items.CountAsync(i => i.StoryId == story.Id && i.Document != null));
        Assert.False(story.Document!.OnPublicInspection);
        Assert.Equal(new DateOnly(2027, 1, 2), story.EffectiveOn);
        Assert.Contains(story.Content.Facts, f => f.Label == "Published" && f.Value == "3 Dec 2026");
        Assert.DoesNotContain(story.Content.Facts, f => f.Label == "Public inspection");
        Assert.Equal(["docket:BIS-2026-0042", "fr:2026-23456", "fr:2027-00100"], await db.StoryKeys.Select(k => k.Key).OrderBy(k => k).ToListAsync());
    }

    [Fact]
    public async Task Documents_titled_alike_with_nothing_in_common_are_two_actions()
    {
        await IngestAsync("fr:2026-23456", "Additions to the Entity List", Rule with { OnPublicInspection = false });
        await IngestAsync("fr:2026-24000", "Additions to the Entity List", Rule with { DocumentNumber = "2026-24000", DocketIds = ["BIS-2026-0050"], OnPublicInspection = false });

        await using var db = _database.Open();
        Assert.Equal(2, await db.Stories.CountAsync());
    }

    [Fact]
    public async Task News_reaches_only_destinations_the_alert_went_to_and_once()
    {
        await IngestAsync("fr-pi:2026-23456", "Additions to the Entity List", Rule);
        await using (var db = _database.Open())
        {
            var story = await db.Stories.SingleAsync();
            var (sent, waiting) = (new Destination { Kind = "test", Address = "sent" }, new Destination { Kind = "test", Address = "waiting" });
            db.Deliveries.AddRange(
                new Delivery { Story = story, Destination = sent, RuleName = "export-controls", State = DeliveryState.Sent, MessageId = "m1" },
                new Delivery { Story = story, Destination = waiting, RuleName = "export-controls", State = DeliveryState.Pending });
            await db.SaveChangesAsync();
        }

        var published = Rule with { OnPublicInspection = false };
        await IngestAsync("fr:2026-23456", "Additions to the Entity List", published);
        await IngestAsync("fr:2026-23456#again", "Additions to the Entity List", published);

        await using var check = _database.Open();
        var reply = await check.ThreadReplies.Include(r => r.Delivery).ThenInclude(d => d!.Destination).SingleAsync();
        Assert.Equal("sent", reply.Delivery!.Destination!.Address);
        Assert.Equal("published:2026-23456", reply.EventKey);
    }
}
