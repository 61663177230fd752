using Microsoft.EntityFrameworkCore;
using TradeAlertBot.Core.Categories;
using TradeAlertBot.Core.Classification;
using TradeAlertBot.Core.Rules;
using TradeAlertBot.Core.Tests.Evaluation;
using TradeAlertBot.IntegrationTests.Fakes;
using TradeAlertBot.Jobs;

namespace TradeAlertBot.IntegrationTests.Specs;

/// <summary>
/// What <c>classify</c> says for a title and body is what the running service files when the same item arrives in
/// a feed: real corpus items are served as RSS, polled, and the stored categories compared.
/// </summary>
public sealed class OneJudgementSpecs : IAsyncLifetime
{
    private const int ItemsPerFeed = 50;
    private readonly string _database = TradeAlertBotFactory.NewDatabasePath();
    private FeedServer _server = null!;
    private TradeAlertBotFactory _host = null!;

    public async Task InitializeAsync()
    {
        _server = await FeedServer.StartAsync();
        _host = new TradeAlertBotFactory(_database);
        _ = _host.Server;
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _server.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_database);
    }

    [Fact]
    public async Task Every_corpus_item_served_in_a_feed_is_filed_as_classify_files_it()
    {
        var corpus = SharedCorpus.All;
        var feeds = corpus.Chunk(ItemsPerFeed).Select((chunk, n) =>
        {
            var path = $"/corpus-{n}.xml";
            _server.Serve(path, Rss.Feed($"Corpus {n}", [.. chunk.Select(i => new Rss.Item(i.Id, i.Title, i.Body,
                i.Published is { } d ? new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null))]));
            return path;
        }).ToList();
        // Filing is what is compared: no alerts for the seeded console and web destinations to send meanwhile.
        await _host.WithDbAsync(db => db.Subscriptions.ExecuteDeleteAsync());
        foreach (var path in feeds)
        {
            await Scenario.AddFeedAsync(_host, _server.Url(path));
        }

        await _host.RunJobAsync<DispatchFeedsJob>(job => job.RunAsync(CancellationToken.None));
        await _host.WaitUntilAsync(async db => await db.Items.CountAsync() == corpus.Count, TimeSpan.FromMinutes(2));

        var classifier = new ItemClassifier(RuleSet.Compile(DefaultRulePack.Load()));
        var expected = corpus.ToDictionary(i => i.Id, i => classifier.Categorize(i.Title, i.Body).Select(m => m.Rule).ToHashSet());
        var stored = await _host.WithDbAsync(db => db.Items.AsNoTracking()
            .Select(i => new { i.Link, Id = i.StoryId, i.Story!.Categories }).ToListAsync());
        var differences = new List<string>();
        foreach (var story in stored.GroupBy(s => s.Id))
        {
            // A story reported by several items holds the union of their categories.
            var ids = story.Select(s => s.Link!.Split('/')[^1]).ToList();
            var want = ids.SelectMany(id => expected[id]).ToHashSet();
            var got = story.First().Categories.ToHashSet();
            if (!want.SetEquals(got))
            {
                differences.Add($"{string.Join("+", ids)}: classify [{string.Join(' ', want.Order())}], service [{string.Join(' ', got.Order())}]");
            }
        }

        Assert.True(stored.Count == corpus.Count, $"{stored.Count} of {corpus.Count} items stored");
        Assert.True(differences.Count == 0, string.Join('\n', differences));
    }
}
