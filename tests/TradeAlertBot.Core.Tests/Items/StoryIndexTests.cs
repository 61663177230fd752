using Microsoft.Extensions.Time.Testing;
using TradeAlertBot.Core.Items;

namespace TradeAlertBot.Core.Tests.Items;

public sealed class StoryIndexTests
{
    private static readonly string[] Common = ["government", "market", "official", "week", "statement", "policy", "report", "trade"];

    // A story: the words every item has, plus words of its own.
    private static string Story(int n, int from = 0, int count = 30) =>
        string.Join(' ', Common.Concat(Enumerable.Range(from, count).Select(w => $"story{n}word{w}")));

    private static (StoryIndex Index, FakeTimeProvider Time) IndexOf(int stories)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));
        var index = new StoryIndex(time);
        for (var n = 1; n <= stories; n++)
        {
            index.Add(n, StoryFingerprint.Compute($"headline {n}", Story(n)), time.GetUtcNow());
        }

        return (index, time);
    }

    [Fact]
    public void A_rewrite_finds_its_story_among_many_that_share_common_words()
    {
        // Far more stories than MaxBucket share the common words' bands, so those bands are skipped.
        var (index, _) = IndexOf(2_000);

        for (var n = 100; n <= 2_000; n += 100)
        {
            var rewrite = StoryFingerprint.Compute($"headline {n}", Story(n, from: 4, count: 30)); // 26 of 30 words kept
            Assert.Equal(n, index.FindSameStory(rewrite));
        }
    }

    [Fact]
    public void Lookup_keys_leave_out_only_the_bands_too_many_stories_share()
    {
        var (index, time) = IndexOf(0);
        var crowded = StoryFingerprint.Compute("headline", Story(1));
        for (var n = 1; n <= StoryIndex.MaxBucket + 1; n++)
        {
            index.Add(n, crowded, time.GetUtcNow());
        }

        var fresh = StoryFingerprint.Compute("another headline", Story(2));
        Assert.Empty(index.LookupKeys(crowded));
        var ownKeys = fresh.BandKeys().Except(crowded.BandKeys()).ToList();
        Assert.NotEmpty(ownKeys);
        Assert.Equal(ownKeys, index.LookupKeys(fresh)); // bands it shares with the crowd are skipped, its own are not
    }

    [Fact]
    public void An_unrelated_story_finds_nothing()
    {
        var (index, _) = IndexOf(2_000);

        Assert.Null(index.FindSameStory(StoryFingerprint.Compute("headline 99999", Story(99_999))));
    }

    [Fact]
    public void Stories_older_than_the_window_are_not_joined()
    {
        var (index, time) = IndexOf(10);
        time.Advance(StoryIndex.Window + TimeSpan.FromMinutes(1));

        Assert.Null(index.FindSameStory(StoryFingerprint.Compute("headline 5", Story(5))));
    }
}
