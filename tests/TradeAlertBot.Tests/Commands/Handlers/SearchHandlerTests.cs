using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using TradeAlertBot.Commands;
using TradeAlertBot.Commands.Handlers;
using TradeAlertBot.Core.Commands;
using TradeAlertBot.Storage;
using TradeAlertBot.Storage.Entities;

namespace TradeAlertBot.Tests.Commands.Handlers;

public sealed class SearchHandlerTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 3, 20, 12, 0, 0, TimeSpan.Zero);
    private readonly string _database = Path.Combine(Path.GetTempPath(), $"tab-search-{Guid.NewGuid():n}.db");
    private static readonly CommandContext Context = new("slack", "slack", "T1/C1", "U1", "T1");
    private readonly FakeTimeProvider _time = new(Now);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_database);
    }

    [Fact]
    public async Task A_search_out_of_time_answers_with_what_it_found_and_says_it_is_incomplete()
    {
        await using var db = await DatabaseWithAsync(40);
        var handler = new SearchHandler(db, _time, Options.Create(new QueryOptions { QueryBudget = TimeSpan.Zero }));

        var reply = PlainReplyText.Render(await handler.HandleAsync(Search("steel"), Context, CancellationToken.None));

        Assert.Contains("searched 0 of 40 items in 0 s; results may be incomplete", reply);
    }

    [Fact]
    public async Task A_search_within_its_budget_says_nothing_about_being_incomplete()
    {
        await using var db = await DatabaseWithAsync(3);
        var handler = new SearchHandler(db, _time, Options.Create(new QueryOptions()));

        var reply = PlainReplyText.Render(await handler.HandleAsync(Search("steel"), Context, CancellationToken.None));

        Assert.Contains("Steel tariff 2", reply);
        Assert.DoesNotContain("incomplete", reply);
    }

    [Fact]
    public async Task More_results_offer_a_next_page_button_and_the_page_it_asks_for_continues_the_list()
    {
        await using var db = await DatabaseWithAsync(7);
        var handler = new SearchHandler(db, _time, Options.Create(new QueryOptions()));

        var first = await handler.HandleAsync(Search("steel"), Context, CancellationToken.None);
        var button = Assert.Single(first.Buttons!);
        var next = ChatActions.ToCommand(button.ActionId, button.Value)!;
        var second = PlainReplyText.Render(await handler.HandleAsync(next, Context, CancellationToken.None));

        Assert.Contains("Results 1–5", PlainReplyText.Render(first));
        Assert.Contains("Results 6–7", second);
        Assert.Contains("Steel tariff 0", second);
    }

    private static Command Search(string query) => (Command)CommandParser.Parse("search " + query);

    private async Task<TradeAlertDbContext> DatabaseWithAsync(int count)
    {
        var db = new TradeAlertDbContext(new DbContextOptionsBuilder<TradeAlertDbContext>().UseSqlite($"Data Source={_database}").Options);
        await db.Database.MigrateAsync();
        var feed = new Feed { Url = "https://example.com/feed.xml", CreatedAt = Now.AddDays(-100), NextPollAt = Now };
        var story = new Story
        {
            Fingerprint = "f", Title = "t", Source = "example.com", Summary = "s", Categories = [],
            FirstSeenAt = Now.AddDays(-100), LastSeenAt = Now,
        };
        db.AddRange(feed, story);
        await db.SaveChangesAsync();
        for (var n = 0; n < count; n++)
        {
            db.Items.Add(new StoredItem
            {
                FeedId = feed.Id, StoryId = story.Id, DedupeKey = $"item-{n}", ContentHash = $"hash-{n}",
                Link = $"https://example.com/{n}", Title = $"Steel tariff {n}", Body = "Reported today.",
                Published = Now.AddHours(-n), FetchedAt = Now.AddHours(-n),
            });
        }

        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        return db;
    }
}
