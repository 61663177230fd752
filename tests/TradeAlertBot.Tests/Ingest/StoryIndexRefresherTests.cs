using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using TradeAlertBot.Core.Items;
using TradeAlertBot.Ingest;
using TradeAlertBot.Storage;
using TradeAlertBot.Storage.Entities;
using TradeAlertBot.Tests.Storage;

namespace TradeAlertBot.Tests.Ingest;

public sealed class StoryIndexRefresherTests : IAsyncLifetime
{
    private static readonly StoryFingerprint Slow = StoryFingerprint.Compute("China restricts exports of gallium",
        "China will require export licences for gallium and germanium from August 1, the commerce ministry said.");

    private static readonly StoryFingerprint Quick = StoryFingerprint.Compute("EU slaps duties on Chinese electric vehicles",
        "The European Commission will impose additional duties of up to 35.3% on electric vehicles made in China.");

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 20, 12, 0, 0, TimeSpan.Zero));
    private ProviderDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = await ProviderDatabase.CreateAsync(StorageOptions.Postgres);
        await using var db = _database.Open();
        await db.Database.MigrateAsync();
    }

    public Task DisposeAsync()
    {
        _database.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_story_committed_after_a_higher_id_was_loaded_is_still_loaded()
    {
        var index = new StoryIndex(_time);
        var refresher = new StoryIndexRefresher(index, _time);
        await AddStoryAsync(Quick); // a first refresh has something to start from
        await using var reader = _database.Open();
        await refresher.RefreshAsync(reader, CancellationToken.None);

        // Another node inserts a story and is slow to commit; meanwhile a third commits one with a higher id.
        await using var slow = _database.Open();
        await using var transaction = await slow.Database.BeginTransactionAsync();
        slow.Stories.Add(NewStory(Slow));
        await slow.SaveChangesAsync();
        await AddStoryAsync(StoryFingerprint.Compute("Canada announces retaliatory measures on US goods",
            "Ottawa said it would apply 25% counter-tariffs on C$30 billion of American products."));
        await refresher.RefreshAsync(reader, CancellationToken.None);
        Assert.Null(index.FindSameStory(Slow));

        await transaction.CommitAsync();
        await refresher.RefreshAsync(reader, CancellationToken.None);

        Assert.NotNull(index.FindSameStory(Slow));
    }

    private async Task AddStoryAsync(StoryFingerprint fingerprint)
    {
        await using var db = _database.Open();
        db.Stories.Add(NewStory(fingerprint));
        await db.SaveChangesAsync();
    }

    private Story NewStory(StoryFingerprint fingerprint) => new()
    {
        Fingerprint = fingerprint.ToString(),
        Title = "t",
        Source = "s",
        Summary = "",
        FirstSeenAt = _time.GetUtcNow(),
        LastSeenAt = _time.GetUtcNow(),
        Categories = [],
    };
}
